"""Texts of the code values the report tables show (``code.<family>.<code>``): domains,
capabilities, gap statuses and reasons, actions, lifecycle states, site roles, kinds.

Each family lists every code the analyses can produce (the enums and constants named at
each family), not only those of the samples; ``tests/render/test_codes.py`` checks that.
Capabilities and business areas are named as the municipal studies name them (Swedish
"verksamhetssystem", Norwegian "fagsystemer"; "IT-säkerhet", "kartlegging").
"""

from __future__ import annotations

# fmt: off
_FAMILIES: dict[str, dict[str, tuple[str, str, str]]] = {
    # gap.blocks.DOMAINS
    "domain": {
        "network": ("Network", "Nät", "Nett"),
        "datacentre": ("Datacentre", "Datacenter", "Datasenter"),
        "platforms": ("Platforms", "Plattformar", "Plattformer"),
        "clients": ("Clients", "Klienter", "Klienter"),
        "applications": ("Business applications", "Verksamhetssystem", "Fagsystemer"),
    },
    # models.enums.Capability, NetworkRole, StorageKind, BusinessArea, the firmware client
    # kinds and analyse.assets.CAPABILITY_DOMAIN
    "capability": {
        "hypervisor": ("Virtualisation", "Virtualisering", "Virtualisering"),
        "server_os": ("Server operating system", "Serveroperativsystem",
                      "Serveroperativsystem"),
        "appliance": ("Appliances", "Dedikerade enheter (appliances)",
                      "Dedikerte enheter (appliances)"),
        "directory": ("Directory", "Katalogtjänst", "Katalogtjeneste"),
        "identity_mfa": ("Identity and MFA", "Identitet och flerfaktorsinloggning",
                         "Identitet og flerfaktorautentisering"),
        "email": ("E-mail", "E-post", "E-post"),
        "collaboration": ("Collaboration", "Samarbetsverktyg", "Samhandlingsverktøy"),
        "file_storage": ("File storage", "Fillagring", "Fillagring"),
        "database": ("Databases", "Databaser", "Databaser"),
        "backup": ("Backup", "Säkerhetskopiering", "Sikkerhetskopiering"),
        "monitoring": ("Monitoring", "Övervakning", "Overvåking"),
        "endpoint_management": ("Endpoint management", "Klienthantering",
                                "Klientadministrasjon"),
        "client_management": ("Client management", "Klienthantering", "Klientadministrasjon"),
        "endpoint_security": ("Endpoint security", "Klientskydd", "Endepunktsikkerhet"),
        "print": ("Printing", "Utskrift", "Utskrift"),
        "telephony": ("Telephony", "Telefoni", "Telefoni"),
        "remote_access": ("Remote access", "Fjärråtkomst", "Fjerntilgang"),
        "logging_siem": ("Logging and SIEM", "Loggning och SIEM", "Logging og SIEM"),
        "dns_dhcp": ("DNS and DHCP", "DNS och DHCP", "DNS og DHCP"),
        "integration": ("Integration", "Integrationsplattform", "Integrasjonsplattform"),
        "e_services": ("E-services", "E-tjänster", "E-tjenester"),
        "public_wifi": ("Public Wi-Fi", "Publikt wifi", "Offentlig wifi"),
        "client_os": ("Client operating system", "Klientoperativsystem",
                      "Klientoperativsystem"),
        "core_switch": ("Core switches", "Kärnswitchar", "Kjernesvitsjer"),
        "distribution_switch": ("Distribution switches", "Distributionsswitchar",
                                "Distribusjonssvitsjer"),
        "access_switch": ("Access switches", "Accesswitchar", "Aksessvitsjer"),
        "router": ("Routers", "Routrar", "Rutere"),
        "firewall": ("Firewalls", "Brandväggar", "Brannmurer"),
        "wlan_controller": ("WLAN controllers", "WLAN-styrenheter", "WLAN-kontrollere"),
        "access_point": ("Access points", "Accesspunkter", "Aksesspunkter"),
        "vpn_gateway": ("VPN gateways", "VPN-gateways", "VPN-gatewayer"),
        "load_balancer": ("Load balancers", "Lastbalanserare", "Lastbalanserere"),
        "san": ("SAN storage", "SAN-lagring", "SAN-lagring"),
        "nas": ("NAS storage", "NAS-lagring", "NAS-lagring"),
        "object": ("Object storage", "Objektlagring", "Objektlagring"),
        "backup_target": ("Backup storage", "Lagring för säkerhetskopior",
                          "Lagring for sikkerhetskopier"),
        "tape": ("Tape libraries", "Bandbibliotek", "Båndbibliotek"),
        "printer": ("Printers", "Skrivare", "Skrivere"),
        "ip_phone": ("IP phones", "IP-telefoner", "IP-telefoner"),
        "kiosk": ("Kiosk devices", "Kioskdatorer", "Kioskmaskiner"),
        "administration": ("Administration", "Administration och ledning",
                           "Administrasjon og styring"),
        "finance": ("Finance", "Ekonomi", "Økonomi"),
        "hr": ("HR and payroll", "HR och lön", "Personal og lønn"),
        "education": ("Education", "Utbildning (skola och förskola)",
                      "Oppvekst (skole og barnehage)"),
        "social_care": ("Social care", "Vård och omsorg, socialtjänst", "Helse og omsorg"),
        "health": ("Health", "Hälso- och sjukvård, elevhälsa", "Helse"),
        "building_planning": ("Planning and building", "Samhällsbyggnad", "Plan og bygg"),
        "technical_services": ("Technical services", "Teknisk förvaltning", "Teknisk drift"),
        "culture_leisure": ("Culture and leisure", "Kultur och fritid", "Kultur og fritid"),
        "document_management": ("Case and document management", "Ärendehantering och arkiv",
                                "Sak og arkiv"),
        "it": ("IT", "IT", "IKT"),
        "other": ("Other", "Övrigt", "Annet"),
    },
    # gap.blocks (matrix), target blocks, target view
    "status": {
        "included": ("Included", "Behålls", "Beholdes"),
        "changed": ("Changed", "Ändras", "Endres"),
        "eliminated": ("Eliminated", "Utgår", "Utgår"),
        "new": ("New", "Ny", "Ny"),
        "present": ("In use today", "Finns i dag", "Finnes i dag"),
        "kept": ("Kept", "Behålls", "Beholdes"),
    },
    # gap.blocks: why a block is changed or eliminated
    "reason": {
        "upgrade": ("Upgrade", "Uppgradering", "Oppgradering"),
        "verify_version": ("Version to verify", "Version att verifiera",
                           "Versjon må verifiseres"),
        "vendor_upgrade": ("Vendor upgrade", "Leverantörens uppgradering",
                           "Leverandørens oppgradering"),
        "end_of_life": ("End of life", "Supportslut passerat", "Passert støtteslutt"),
        "ending": ("Near end of life", "Nära supportslut", "Nær støtteslutt"),
        "replaced_by_target": ("Replaced by the target product", "Ersätts av målprodukten",
                               "Erstattes av målproduktet"),
        "not_in_target": ("Not in the target", "Ingår inte i målet", "Inngår ikke i målet"),
        "replace_at_end_of_life": ("Replaced at end of life",
                                   "Byts ut vid supportslut", "Byttes ved støtteslutt"),
    },
    # gap.effort.ACTION_TIER (with consolidation and hardware actions)
    "action": {
        "link_upgrade": ("Link upgrade", "Uppgradering av förbindelse",
                         "Oppgradering av samband"),
        "storage_migration": ("Storage migration", "Flytt av lagring", "Flytting av lagring"),
        "platform_upgrade": ("Platform upgrade", "Uppgradering av plattform",
                             "Oppgradering av plattform"),
        "platform_replacement": ("Platform replacement", "Byte av plattform",
                                 "Bytte av plattform"),
        "platform_introduction": ("Platform introduction", "Införande av plattform",
                                  "Innføring av plattform"),
        "physical_server_migration": ("Physical server migration", "Flytt av fysisk server",
                                      "Flytting av fysisk server"),
        "virtual_server_migration": ("Virtual server migration", "Flytt av virtuell server",
                                     "Flytting av virtuell server"),
        "os_upgrade": ("Operating system upgrade", "Uppgradering av operativsystem",
                       "Oppgradering av operativsystem"),
        "vendor_upgrade": ("Vendor upgrade", "Uppgradering enligt leverantör",
                           "Oppgradering fra leverandør"),
        "client_os_upgrade": ("Client OS upgrade", "Uppgradering av klientoperativsystem",
                              "Oppgradering av klientoperativsystem"),
        "client_reenrolment": ("Client re-enrolment", "Omregistrering av klienter",
                               "Ny innrullering av klienter"),
        "application_move": ("Application move", "Flytt av verksamhetssystem",
                             "Flytting av fagsystem"),
        "application_harmonisation": ("Application harmonisation",
                                      "Harmonisering av verksamhetssystem",
                                      "Harmonisering av fagsystem"),
        "directory_consolidation": ("Directory consolidation", "Sammanslagning av katalog",
                                    "Sammenslåing av katalog"),
        "user_migration": ("User migration", "Flytt av användarkonton",
                           "Flytting av brukerkontoer"),
        "mailbox_migration": ("Mailbox migration", "Flytt av brevlådor",
                              "Flytting av postbokser"),
        "mailbox_consolidation": ("Mailbox consolidation", "Sammanslagning av e-post",
                                  "Sammenslåing av e-post"),
        "tenant_migration": ("Tenant migration", "Flytt till gemensam molnmiljö (tenant)",
                             "Flytting til felles skymiljø (tenant)"),
        "tenant_consolidation": ("Tenant consolidation",
                                 "Sammanslagning av molnmiljöer (tenants)",
                                 "Sammenslåing av skymiljøer (tenanter)"),
        "device_tenant_move": ("Device tenant move", "Flytt av enheter till gemensam tenant",
                               "Flytting av enheter til felles tenant"),
        "server_rejoin": ("Server domain rejoin", "Servrar in i gemensam domän",
                          "Servere inn i felles domene"),
        "host_registration": ("Host registration", "Registrering av värdar",
                              "Registrering av verter"),
        "backup_onboarding": ("Backup onboarding", "Anslutning till gemensam backup",
                              "Tilknytning til felles sikkerhetskopiering"),
        "monitoring_onboarding": ("Monitoring onboarding", "Anslutning till gemensam övervakning",
                                  "Tilknytning til felles overvåking"),
        "capability_onboarding": ("Capability onboarding", "Anslutning till gemensam tjänst",
                                  "Tilknytning til felles tjeneste"),
        "network_device_replacement": ("Network device replacement", "Byte av nätverksenhet",
                                       "Bytte av nettverksenhet"),
        "server_hardware_replacement": ("Server hardware replacement", "Byte av serverhårdvara",
                                        "Bytte av servermaskinvare"),
        "storage_replacement": ("Storage replacement", "Byte av lagringssystem",
                                "Bytte av lagringssystem"),
        "client_device_replacement": ("Client device replacement", "Byte av klientenheter",
                                      "Bytte av klientenheter"),
    },
    # analyse.lifecycle.LifecycleState
    "lifecycle": {
        "supported": ("Supported", "Har support", "Har støtte"),
        "ending": ("Ending within the horizon", "Supportslut inom horisonten",
                   "Støtteslutt innenfor horisonten"),
        "end_of_life": ("End of life", "Supportslut passerat", "Passert støtteslutt"),
        "evergreen": ("Evergreen (continuously updated)", "Löpande uppdaterad",
                      "Løpende oppdatert"),
        "unknown": ("Unknown", "Okänd", "Ukjent"),
    },
    # analyse.assets ASSET_KINDS (the record kinds an asset comes from)
    "asset_kind": {
        "server": ("Server", "Server", "Server"),
        "platform": ("Platform", "Plattform", "Plattform"),
        "client": ("Client devices", "Klientenheter", "Klientenheter"),
        "network_device": ("Network device", "Nätverksenhet", "Nettverksenhet"),
        "storage": ("Storage", "Lagring", "Lagring"),
        "application": ("Business application", "Verksamhetssystem", "Fagsystem"),
        "site": ("Site", "Plats", "Lokasjon"),
        "link": ("Link", "Förbindelse", "Samband"),
        "zone": ("Zone", "Zon", "Sone"),
    },
    # models.enums.LinkKind
    "link_kind": {
        "dark_fibre": ("Dark fibre", "Svartfiber", "Mørk fiber"),
        "fibre": ("Fibre", "Fiber (stadsnät)", "Fiber"),
        "wan_mpls": ("WAN (MPLS)", "Operatörsnät (MPLS)", "Operatørnett (MPLS)"),
        "sd_wan": ("SD-WAN", "SD-WAN", "SD-WAN"),
        "vpn": ("VPN tunnel", "VPN-tunnel", "VPN-tunnel"),
        "internet": ("Internet access", "Internetförbindelse", "Internettsamband"),
        "radio": ("Radio link", "Radiolänk", "Radiolinje"),
    },
    # gap.capacity: a site's role in the target
    "site_role": {
        "primary": ("Primary datacentre", "Primärt datacenter", "Primært datasenter"),
        "secondary": ("Secondary datacentre", "Sekundärt datacenter", "Sekundært datasenter"),
        "evacuate": ("Evacuated", "Töms", "Tømmes"),
    },
    # models.enums.Criticality
    "criticality": {
        "low": ("Low", "Låg", "Lav"),
        "medium": ("Medium", "Medel", "Middels"),
        "high": ("High", "Hög", "Høy"),
        "critical": ("Critical", "Verksamhetskritisk", "Virksomhetskritisk"),
    },
    # analyse.overlap products: who runs a product
    "sharing": {
        "all": ("All municipalities", "Alla kommuner", "Alle kommuner"),
        "some": ("Some municipalities", "Några kommuner", "Noen kommuner"),
        "unique": ("One municipality", "En kommun", "Én kommune"),
    },
    # models.enums.OperatingModel
    "operating_model": {
        "in_house": ("In house", "Egen regi", "Egen drift"),
        "outsourced": ("Outsourced", "Utkontrakterad", "Utkontraktert"),
        "shared": ("Shared with others", "Samverkan", "Interkommunalt samarbeid"),
    },
    # models.enums.Country
    "country": {
        "SE": ("Sweden", "Sverige", "Sverige"),
        "NO": ("Norway", "Norge", "Norge"),
    },
    # gap.security: the security baseline's controls
    "control": {
        "mfa_for_all_staff": ("MFA for all staff", "Flerfaktorsinloggning för all personal",
                              "Flerfaktorautentisering for alle ansatte"),
        "endpoint_security_on_managed_clients": (
            "Endpoint security on managed clients", "Klientskydd på hanterade klienter",
            "Endepunktsikkerhet på administrerte klienter"),
        "backup_immutable_copy": ("Immutable backup copy", "Oföränderlig säkerhetskopia",
                                  "Uforanderlig sikkerhetskopi"),
        "logging_to_siem": ("Logging to a SIEM", "Loggning till SIEM", "Logging til SIEM"),
        "segmented_zones": ("Segmented network zones", "Segmenterade nätzoner",
                            "Segmenterte nettsoner"),
    },
    # gap.capacity: the compute that moves
    "resource": {
        "vcpu": ("Virtual CPUs", "Virtuella processorer", "Virtuelle prosessorer"),
        "ram": ("Memory", "Minne", "Minne"),
        "storage": ("Storage", "Lagring", "Lagring"),
    },
    # models.enums.ZonePurpose
    "zone_purpose": {
        "admin": ("administration", "administration", "administrasjon"),
        "school": ("school", "skola", "skole"),
        "care": ("care", "vård och omsorg", "helse og omsorg"),
        "iot": ("IoT", "IoT (sakernas internet)", "IoT (tingenes internett)"),
        "guest": ("guest", "gäst", "gjest"),
        "public_wifi": ("public Wi-Fi", "publikt wifi", "offentlig wifi"),
        "dmz": ("DMZ", "DMZ", "DMZ"),
        "management": ("management", "nätverksadministration", "nettverksadministrasjon"),
    },
    # models.enums.UserGroup: whose client devices
    "user_group": {
        "staff": ("staff", "personal", "ansatte"),
        "student": ("student", "elever", "elever"),
        "shared": ("shared", "gemensamt bruk", "felles bruk"),
    },
    # models.enums.ClientKind
    "client_kind": {
        "desktop": ("Desktops", "Stationära datorer", "Stasjonære PC-er"),
        "laptop": ("Laptops", "Bärbara datorer", "Bærbare PC-er"),
        "chromebook": ("Chromebooks", "Chromebooks", "Chromebooks"),
        "tablet": ("Tablets", "Surfplattor", "Nettbrett"),
        "smartphone": ("Smartphones", "Mobiltelefoner", "Mobiltelefoner"),
        "thin_client": ("Thin clients", "Tunna klienter", "Tynne klienter"),
        "printer": ("Printers", "Skrivare", "Skrivere"),
        "ip_phone": ("IP phones", "IP-telefoner", "IP-telefoner"),
        "kiosk": ("Kiosk devices", "Kioskdatorer", "Kioskmaskiner"),
    },
    # the parties of a table besides the municipalities: the joint operation, all of them
    "party": {
        "joint": ("Joint operation", "Gemensam drift", "Felles drift"),
        "all": ("All together", "Alla tillsammans", "Alle samlet"),
    },
}
# fmt: on

#: Every family's codes (for the report tests: every code's English text must not show in
#: a Swedish or Norwegian report).
CODE_FAMILIES: dict[str, tuple[str, ...]] = {
    family: tuple(codes) for family, codes in _FAMILIES.items()}

TEXTS: dict[str, tuple[str, str, str]] = {
    f"code.{family}.{code}": texts
    for family, codes in _FAMILIES.items() for code, texts in codes.items()
}
