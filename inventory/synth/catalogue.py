"""Real products that Swedish municipalities run, with the versions seen in inventories.

Shared by the sample builder (``scripts/build_samples.py``) and the synthetic generator
(``inventory.synth.generate``): business systems grouped in *slots* (one product per slot
and municipality, e.g. one social-care system), server and client operating systems,
hypervisors and network gear. Versions include some that are past end of life on purpose
(Windows Server 2012 R2, ESXi 6.7, SQL Server 2014, Windows 10): the gap report must find them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ApplicationProduct:
    """A business system as it appears in a municipality's application list."""

    key: str  # application id suffix: the id is ``app-<key>``
    name: str
    vendor: str
    product: str
    version: str
    business_area: str
    deployment: str
    criticality: str
    data_classification: str
    users_per_1000: float  # users per 1,000 inhabitants
    cost_per_inhabitant: float  # SEK per inhabitant and year
    slot: str  # alternatives share a slot; a municipality runs at most one per slot
    needs_server: bool = False  # on-prem systems get an application server of their own


def _app(key: str, name: str, vendor: str, product: str, version: str, area: str,
         deployment: str, criticality: str, classification: str, users: float, cost: float,
         slot: str) -> ApplicationProduct:
    return ApplicationProduct(key, name, vendor, product, version, area, deployment,
                              criticality, classification, users, cost, slot,
                              needs_server=deployment == "on_prem")


#: Business systems (verksamhetssystem). Slots with several products are alternatives.
_CORE_APPLICATIONS: tuple[ApplicationProduct, ...] = (
    # social care (socialtjänst, vård och omsorg)
    _app("procapita", "Procapita VoO/IFO", "Tietoevry", "Procapita", "5.2", "social_care",
         "on_prem", "critical", "sensitive", 12, 28, "social_care"),
    _app("treserva", "Treserva", "CGI", "Treserva", "10.4", "social_care", "on_prem",
         "critical", "sensitive", 12, 30, "social_care"),
    _app("combine", "Pulsen Combine", "Pulsen Omsorg", "Combine", "3.2", "social_care",
         "hosted", "critical", "sensitive", 12, 32, "social_care"),
    _app("lifecare", "Lifecare Utförare", "Tietoevry", "Lifecare", "2024.1", "social_care",
         "saas", "critical", "sensitive", 12, 31, "social_care"),
    _app("lifecare-sp", "Lifecare SP (samordnad planering)", "Tietoevry", "Lifecare SP",
         "2024.1", "health", "saas", "high", "sensitive", 3, 4, "care_planning"),
    _app("phoniro", "Phoniro Care", "Phoniro", "Phoniro Care", "6.4", "social_care", "saas",
         "high", "sensitive", 4, 6, "care_locks"),
    _app("medvind", "Medvind", "Medvind Informationsteknik", "Medvind WFM", "7.1", "hr",
         "hosted", "high", "internal", 20, 6, "workforce"),
    _app("timecare", "Visma TimeCare Planering", "Visma", "TimeCare Planering", "7.3", "hr",
         "on_prem", "high", "internal", 20, 6, "workforce"),
    _app("npo", "Nationell patientöversikt (NPÖ)", "Inera", "NPÖ", "2024", "health", "saas",
         "high", "sensitive", 2, 1, "npo"),
    # HR and payroll
    _app("personec", "Visma Personec P", "Visma", "Personec P", "2023.2", "hr", "on_prem",
         "critical", "sensitive", 60, 18, "payroll"),
    _app("heroma", "Heroma", "CGI", "Heroma", "23.1", "hr", "hosted", "critical",
         "sensitive", 60, 19, "payroll"),
    _app("visma-recruit", "Visma Recruit", "Visma", "Visma Recruit", "2024", "hr", "saas",
         "medium", "confidential", 3, 2, "recruitment"),
    _app("reachmee", "ReachMee", "ReachMee", "ReachMee", "2024", "hr", "saas", "medium",
         "confidential", 3, 2, "recruitment"),
    _app("kia", "KIA (arbetsmiljö)", "AFA Försäkring", "KIA", "2024", "hr", "saas", "low",
         "internal", 5, 0.3, "incidents"),
    _app("adato", "Adato (rehabilitering)", "Adato", "Adato", "4.8", "hr", "saas", "medium",
         "sensitive", 2, 1, "rehab"),
    # finance
    _app("raindance", "Raindance Ekonomi", "CGI", "Raindance", "5.3", "finance", "on_prem",
         "critical", "confidential", 8, 14, "finance"),
    _app("agresso", "Unit4 ERP (Agresso)", "Unit4", "Unit4 ERP", "7", "finance", "on_prem",
         "critical", "confidential", 8, 15, "finance"),
    _app("proceedo", "Visma Proceedo (e-handel)", "Visma", "Proceedo", "2024", "finance",
         "saas", "high", "internal", 10, 4, "purchasing"),
    _app("tendsign", "Visma TendSign (upphandling)", "Visma", "TendSign", "2024", "finance",
         "saas", "medium", "internal", 1, 1, "tendering"),
    _app("hypergene", "Hypergene (budget och uppföljning)", "Hypergene", "Hypergene", "2024",
         "finance", "saas", "medium", "internal", 4, 3, "planning"),
    _app("stratsys", "Stratsys", "Stratsys", "Stratsys", "2024", "administration", "saas",
         "medium", "internal", 4, 3, "planning"),
    _app("qlik", "Qlik Sense", "Qlik", "Qlik Sense Enterprise", "May 2024", "administration",
         "on_prem", "medium", "confidential", 3, 3, "analytics"),
    _app("powerbi", "Microsoft Power BI", "Microsoft", "Power BI", "2024", "administration",
         "saas", "medium", "confidential", 3, 2, "analytics"),
    # document and case management
    _app("ciceron", "Ciceron (diarium)", "Tietoevry", "Ciceron", "4.11",
         "document_management", "on_prem", "high", "confidential", 6, 5, "records"),
    _app("public360", "Public 360°", "Tietoevry", "Public 360", "23.1", "document_management",
         "on_prem", "high", "confidential", 6, 6, "records"),
    _app("platina", "Platina", "Formpipe", "Platina", "5.2", "document_management",
         "on_prem", "high", "confidential", 6, 5, "records"),
    _app("w3d3", "W3D3", "Formpipe", "W3D3", "8.4", "document_management", "on_prem",
         "high", "confidential", 6, 5, "records"),
    _app("earkiv", "e-arkiv (Long-Term Archive)", "Formpipe", "Long-Term Archive", "3.4",
         "document_management", "hosted", "high", "confidential", 1, 3, "archive"),
    _app("netpublicator", "Netpublicator (nämndadministration)", "Netpublicator",
         "Netpublicator", "2024", "administration", "saas", "medium", "public", 2, 1,
         "meetings"),
    _app("meetings-plus", "Meetings+ (nämndadministration)", "Formpipe", "Meetings+", "6.2",
         "administration", "saas", "medium", "public", 2, 1, "meetings"),
    _app("sdk", "Säker digital kommunikation (SDK)", "Inera", "SDK", "2024",
         "document_management", "saas", "medium", "confidential", 1, 0.5, "sdk"),
    # education
    _app("extens", "IST Extens (elevregister)", "IST", "Extens", "2024.2", "education",
         "saas", "high", "sensitive", 8, 5, "student_records"),
    _app("edlevo", "Edlevo", "Tietoevry", "Edlevo", "2024", "education", "saas", "high",
         "sensitive", 8, 5, "student_records"),
    _app("vklass", "Vklass", "Vklass", "Vklass", "2024", "education", "saas", "high",
         "sensitive", 60, 4, "learning"),
    _app("schoolsoft", "SchoolSoft", "SchoolSoft", "SchoolSoft", "2024", "education", "saas",
         "high", "sensitive", 60, 4, "learning"),
    _app("unikum", "Unikum", "Unikum", "Unikum", "2024", "education", "saas", "high",
         "sensitive", 60, 4, "learning"),
    _app("infomentor", "InfoMentor", "IST", "InfoMentor", "2024", "education", "saas",
         "high", "sensitive", 60, 4, "learning"),
    _app("skola24", "Skola24 (schema och frånvaro)", "Skola24", "Skola24", "2024",
         "education", "saas", "high", "confidential", 50, 2, "timetable"),
    _app("tempus", "Tempus (närvaro förskola)", "Tempus Information Systems", "Tempus",
         "2024", "education", "saas", "medium", "confidential", 25, 1.5, "attendance"),
    _app("google-edu", "Google Workspace for Education", "Google",
         "Google Workspace for Education", "Plus", "education", "saas", "high",
         "confidential", 90, 2, "edu_workspace"),
    _app("prorenata", "ProReNata Journal (elevhälsa)", "ProReNata", "ProReNata Journal",
         "2024", "health", "saas", "high", "sensitive", 2, 1, "school_health"),
    # building, planning, environment
    _app("byggr", "ByggR (bygglov)", "Tekis", "ByggR", "2023.2", "building_planning",
         "on_prem", "high", "internal", 1.5, 3, "building_permits"),
    _app("ecos", "Ecos 2 (miljö- och hälsoskydd)", "Sokigo", "Ecos", "2.9",
         "building_planning", "on_prem", "high", "confidential", 1, 3, "environment"),
    _app("castor", "Castor (miljö- och hälsoskydd)", "Prosona", "Castor", "8.1",
         "building_planning", "on_prem", "high", "confidential", 1, 3, "environment"),
    _app("fb", "FB Engine (kartor och fastighetsdata)", "Sokigo", "FB Engine", "2023.1",
         "building_planning", "on_prem", "medium", "internal", 1, 2, "property_data"),
    _app("tekis-fir", "Tekis-FIR (fastighetsinformation)", "Tekis", "Tekis-FIR", "2023",
         "building_planning", "on_prem", "medium", "internal", 1, 2, "property_data"),
    _app("arcgis", "ArcGIS Enterprise", "Esri", "ArcGIS Enterprise", "11.1",
         "building_planning", "on_prem", "medium", "internal", 1, 3, "gis"),
    _app("geosecma", "Geosecma for ArcGIS", "Sokigo", "Geosecma", "10.9",
         "building_planning", "on_prem", "medium", "internal", 1, 2, "gis"),
    # technical services and property
    _app("vitec", "Vitec Fastighetssystem", "Vitec", "Vitec Fastighet", "2024",
         "technical_services", "hosted", "high", "internal", 2, 3, "property"),
    _app("incit", "Incit Xpand (fastighetsförvaltning)", "Incit", "Xpand", "2023",
         "technical_services", "saas", "medium", "internal", 2, 2, "property"),
    _app("mashie", "Mashie (kostplanering)", "Mashie", "Mashie", "2024",
         "technical_services", "saas", "medium", "internal", 2, 1, "catering"),
    # culture and leisure
    _app("quria", "Axiell Quria (bibliotek)", "Axiell", "Quria", "2024", "culture_leisure",
         "saas", "medium", "internal", 1, 1.5, "library"),
    _app("bookit", "BOOK-IT (bibliotek)", "Axiell", "BOOK-IT", "8.2", "culture_leisure",
         "on_prem", "medium", "internal", 1, 1.5, "library"),
    _app("interbook", "Interbook Go (lokalbokning)", "Interbook", "Interbook Go", "2024",
         "culture_leisure", "saas", "low", "internal", 1, 0.8, "booking"),
    # administration and IT
    _app("sitevision", "Sitevision (webb och intranät)", "Sitevision", "Sitevision",
         "2024.03", "administration", "on_prem", "high", "public", 80, 2, "web"),
    _app("telia-ace", "Telia ACE (kontaktcenter)", "Telia", "ACE", "2024",
         "administration", "saas", "high", "internal", 2, 2, "contact_centre"),
    _app("nilex", "Nilex Self Service (IT-ärenden)", "Nilex", "Nilex Service Management",
         "2023", "it", "on_prem", "medium", "internal", 80, 1, "itsm"),
    _app("topdesk", "TOPdesk", "TOPdesk", "TOPdesk", "2024", "it", "saas", "medium",
         "internal", 80, 1, "itsm"),
    _app("servicenow", "ServiceNow (leverantörens portal)", "ServiceNow", "ServiceNow",
         "Washington", "it", "saas", "medium", "internal", 80, 1, "itsm"),
    _app("lansweeper", "Lansweeper (IT-inventering)", "Lansweeper", "Lansweeper", "11.2",
         "it", "on_prem", "low", "internal", 0.2, 0.2, "it_inventory"),
)


#: Server operating systems as (product, version, end of life), weighted for a 2024 estate.
SERVER_OPERATING_SYSTEMS: tuple[tuple[str, str, float], ...] = (
    ("Windows Server", "2012 R2", 0.08),
    ("Windows Server", "2016", 0.25),
    ("Windows Server", "2019", 0.35),
    ("Windows Server", "2022", 0.22),
    ("Red Hat Enterprise Linux", "7", 0.02),
    ("Red Hat Enterprise Linux", "8", 0.03),
    ("Red Hat Enterprise Linux", "9", 0.02),
    ("Ubuntu", "18.04", 0.01),
    ("Ubuntu", "22.04", 0.02),
)

#: Hypervisors as (platform product, host os_product, version).
HYPERVISORS: tuple[tuple[str, str, str], ...] = (
    ("VMware vSphere", "VMware ESXi", "6.7"),
    ("VMware vSphere", "VMware ESXi", "7.0"),
    ("VMware vSphere", "VMware ESXi", "8.0"),
    ("Microsoft Hyper-V", "Microsoft Hyper-V Server", "2016"),
    ("Microsoft Hyper-V", "Windows Server", "2019"),
)

#: Physical server hardware as (vendor, model, rack units, typical watts).
SERVER_HARDWARE: tuple[tuple[str, str, int, int], ...] = (
    ("Dell", "PowerEdge R740", 2, 450),
    ("Dell", "PowerEdge R750", 2, 520),
    ("Dell", "PowerEdge R640", 1, 350),
    ("HPE", "ProLiant DL380 Gen10", 2, 480),
    ("HPE", "ProLiant DL360 Gen10", 1, 360),
    ("Lenovo", "ThinkSystem SR650", 2, 470),
)

#: Network gear as (vendor, model, software version) per role.
NETWORK_GEAR: dict[str, tuple[tuple[str, str, str], ...]] = {
    "core_switch": (("Cisco", "Catalyst 9500-24Y4C", "IOS XE 17.9.4"),
                    ("HPE Aruba", "CX 8325", "AOS-CX 10.12"),
                    ("Juniper", "EX4650", "Junos 22.4R3")),
    "distribution_switch": (("Cisco", "Catalyst 9300-48P", "IOS XE 17.6.5"),
                            ("HPE Aruba", "CX 6300M", "AOS-CX 10.11")),
    "access_switch": (("Cisco", "Catalyst 9200L-48P", "IOS XE 17.6.5"),
                      ("Cisco", "Catalyst 2960-X", "IOS 15.2(7)E8"),
                      ("HPE Aruba", "2930F-48G", "ArubaOS-Switch 16.11"),
                      ("HPE Aruba", "CX 6100", "AOS-CX 10.10")),
    "router": (("Cisco", "ISR 4331", "IOS XE 17.6.5"), ("Juniper", "MX204", "Junos 22.2R3")),
    "firewall": (("Fortinet", "FortiGate 200F", "FortiOS 7.2.8"),
                 ("Palo Alto Networks", "PA-3220", "PAN-OS 10.2.9"),
                 ("Fortinet", "FortiGate 100F", "FortiOS 7.0.15")),
    "wlan_controller": (("HPE Aruba", "7210 Mobility Controller", "ArubaOS 8.10"),
                        ("Cisco", "Catalyst 9800-40", "IOS XE 17.9.4")),
    "access_point": (("HPE Aruba", "AP-515", "ArubaOS 8.10"),
                     ("Cisco", "Catalyst 9120AXI", "IOS XE 17.9.4"),
                     ("Cisco Meraki", "MR46", "MR 30.6")),
    "vpn_gateway": (("Fortinet", "FortiGate 60F", "FortiOS 7.2.8"),),
    "load_balancer": (("F5", "BIG-IP i2800", "BIG-IP 16.1"),),
}

#: Client models as (kind, vendor, model, os_product, os_version, user group).
CLIENT_MODELS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("laptop", "Lenovo", "ThinkPad L14 Gen 3", "Windows", "11 23H2", "staff"),
    ("laptop", "HP", "EliteBook 840 G8", "Windows", "10 22H2", "staff"),
    ("laptop", "Dell", "Latitude 5440", "Windows", "11 23H2", "staff"),
    ("desktop", "HP", "ProDesk 400 G7", "Windows", "10 22H2", "shared"),
    ("desktop", "Lenovo", "ThinkCentre M70q", "Windows", "11 23H2", "staff"),
    ("chromebook", "Lenovo", "300e Chromebook Gen 3", "ChromeOS", "124", "student"),
    ("chromebook", "Acer", "Chromebook Spin 511", "ChromeOS", "124", "student"),
    ("chromebook", "HP", "Chromebook 11 G9 EE", "ChromeOS", "122", "student"),
    ("tablet", "Apple", "iPad (9th generation)", "iPadOS", "17.5", "student"),
    ("tablet", "Apple", "iPad (10th generation)", "iPadOS", "17.5", "staff"),
    ("smartphone", "Apple", "iPhone 13", "iOS", "17.5", "staff"),
    ("smartphone", "Samsung", "Galaxy XCover 6 Pro", "Android", "14", "staff"),
    ("laptop", "Apple", "MacBook Air M2", "macOS", "14.5", "staff"),
    ("thin_client", "IGEL", "UD3", "IGEL OS", "11.09", "shared"),
    ("printer", "Konica Minolta", "bizhub C300i", "Firmware", "GC7-30", "shared"),
    ("printer", "Ricoh", "IM C3000", "Firmware", "1.09", "shared"),
)

_MORE_APPLICATIONS: tuple[ApplicationProduct, ...] = (
    _app("etjanster", "Mina sidor och e-tjänster", "Nordic Peak", "Open ePlatform", "7.2",
         "administration", "on_prem", "high", "confidential", 30, 2, "eservices"),
    _app("mediaflow", "Mediaflow (bildbank)", "Mediaflow", "Mediaflow", "2024",
         "administration", "saas", "low", "public", 1, 0.3, "media"),
    _app("comfact", "Comfact Signature (e-underskrift)", "Comfact", "Comfact Signature",
         "2024", "administration", "saas", "medium", "confidential", 5, 0.4, "signature"),
    _app("df-respons", "DF Respons (synpunkter)", "DF Kompetens", "DF Respons", "2024",
         "administration", "saas", "low", "internal", 2, 0.3, "feedback"),
    _app("draftit", "Draftit (styrdokument)", "Draftit", "Draftit", "2024", "administration",
         "saas", "low", "internal", 5, 0.3, "policies"),
    _app("kivra", "Kivra (digital post)", "Kivra", "Kivra", "2024", "administration", "saas",
         "low", "confidential", 1, 0.4, "digital_mail"),
    _app("edp-future", "EDP Future (VA- och avfallsdebitering)", "EDP Consult", "EDP Future",
         "2024", "technical_services", "hosted", "high", "confidential", 1, 2, "utility_billing"),
    _app("axis-camera", "Axis Camera Station (kamerabevakning)", "Axis Communications",
         "AXIS Camera Station", "5.57", "technical_services", "on_prem", "medium",
         "confidential", 0.5, 0.5, "video"),
    _app("forcefield", "RCO Forcefield (passersystem)", "RCO Security", "Forcefield", "8.6",
         "technical_services", "on_prem", "high", "confidential", 0.5, 0.7, "access_control"),
    _app("ecostruxure", "EcoStruxure Building Operation (fastighetsautomation)",
         "Schneider Electric", "EcoStruxure Building Operation", "5.0", "technical_services",
         "on_prem", "medium", "internal", 0.3, 0.6, "building_automation"),
    _app("speedadmin", "Speedadmin (kulturskola)", "Speedadmin", "Speedadmin", "2024",
         "culture_leisure", "saas", "low", "internal", 1, 0.4, "arts_school"),
)

#: Every business system of the catalogue.
APPLICATIONS: tuple[ApplicationProduct, ...] = _CORE_APPLICATIONS + _MORE_APPLICATIONS
APPLICATION_BY_KEY: dict[str, ApplicationProduct] = {app.key: app for app in APPLICATIONS}
