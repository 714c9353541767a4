"""Enumerations of the inventory: kinds, roles, capabilities and statuses, in one place.

Each accepts its Swedish and Norwegian spellings on import (``__aliases__``).
"""

from __future__ import annotations

from typing import ClassVar

from inventory.models.base import LocalisedEnum


class Country(LocalisedEnum):
    SE = "SE"
    NO = "NO"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "SE": ("sverige", "sweden", "swe"),
        "NO": ("norge", "norway", "nor", "noreg"),
    }


class OperatingModel(LocalisedEnum):
    IN_HOUSE = "in_house"
    OUTSOURCED = "outsourced"
    SHARED = "shared"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "in_house": ("egen regi", "egen drift", "inhouse", "intern"),
        "outsourced": ("utkontrakterad", "outsourcad", "utkontraktert", "extern"),
        "shared": ("samverkan", "delad", "felles", "samarbeid", "interkommunal"),
    }


class SiteKind(LocalisedEnum):
    DATACENTRE = "datacentre"
    SERVER_ROOM = "server_room"
    COLOCATION = "colocation"
    CLOUD_REGION = "cloud_region"
    OFFICE = "office"
    SCHOOL = "school"
    CARE_HOME = "care_home"
    OTHER = "other"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "datacentre": ("datacenter", "datasenter", "datahall", "data center", "dc"),
        "server_room": ("serverrum", "serverrom", "serverhall"),
        "colocation": ("samlokalisering", "colo", "kolokasjon"),
        "cloud_region": ("molnregion", "skyregion", "moln", "sky", "cloud"),
        "office": ("kontor", "förvaltning", "rådhus", "kommunhus", "administrasjon"),
        "school": ("skola", "skole", "förskola", "barnehage"),
        "care_home": ("äldreboende", "sykehjem", "omsorgsboende", "boende"),
        "other": ("annat", "annet", "övrigt", "øvrig"),
    }


class ServerKind(LocalisedEnum):
    PHYSICAL = "physical"
    VIRTUAL = "virtual"
    APPLIANCE = "appliance"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "physical": ("fysisk", "hårdvara", "maskinvare", "bare metal"),
        "virtual": ("virtuell", "vm"),
        "appliance": ("apparat",),
    }


class ServerRole(LocalisedEnum):
    HYPERVISOR = "hypervisor"
    APPLICATION = "application"
    DATABASE = "database"
    FILE = "file"
    DOMAIN_CONTROLLER = "domain_controller"
    WEB = "web"
    MAIL = "mail"
    BACKUP = "backup"
    PRINT = "print"
    TERMINAL = "terminal"
    MANAGEMENT = "management"
    MONITORING = "monitoring"
    INFRASTRUCTURE = "infrastructure"
    OTHER = "other"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "hypervisor": ("virtualiseringsvärd", "vmhost", "esx host", "virtualiseringsvert"),
        "application": ("applikation", "applikasjon", "app", "verksamhetssystem", "fagsystem"),
        "database": ("databas", "db", "sql"),
        "file": ("fil", "filserver", "file server"),
        "domain_controller": ("domänkontrollant", "domenekontroller", "dc", "ad"),
        "web": ("webb", "webserver"),
        "mail": ("e-post", "epost", "exchange"),
        "backup": ("säkerhetskopiering", "sikkerhetskopi", "backup server"),
        "print": ("utskrift", "skrivare", "utskrift server", "print server"),
        "terminal": ("citrix", "rds", "terminalserver"),
        "management": ("hantering", "administrasjon", "drift"),
        "monitoring": ("övervakning", "overvåking"),
        "infrastructure": ("infrastruktur",),
        "other": ("annat", "annet", "övrigt"),
    }


class Status(LocalisedEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    STANDBY = "standby"
    DECOMMISSIONING = "decommissioning"
    RETIRED = "retired"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "planned": ("planerad", "planlagt"),
        "active": ("aktiv", "i drift", "drift", "produktion", "produksjon", "in production"),
        "standby": ("reserv", "beredskap"),
        "decommissioning": ("avvecklas", "under avveckling", "fases ut", "utfasing"),
        "retired": ("avvecklad", "utfasad", "faset ut", "avviklet"),
    }


class Criticality(LocalisedEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "low": ("låg", "lav", "1"),
        "medium": ("medel", "middels", "normal", "2"),
        "high": ("hög", "høy", "3"),
        "critical": ("kritisk", "verksamhetskritisk", "4"),
    }


class StorageKind(LocalisedEnum):
    SAN = "san"
    NAS = "nas"
    OBJECT = "object"
    BACKUP_TARGET = "backup_target"
    TAPE = "tape"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "object": ("objektlagring", "s3"),
        "backup_target": ("backupmål", "backup", "säkerhetskopia", "sikkerhetskopi"),
        "tape": ("band", "bånd", "tape library", "bandbibliotek"),
    }


class NetworkRole(LocalisedEnum):
    CORE_SWITCH = "core_switch"
    DISTRIBUTION_SWITCH = "distribution_switch"
    ACCESS_SWITCH = "access_switch"
    ROUTER = "router"
    FIREWALL = "firewall"
    WLAN_CONTROLLER = "wlan_controller"
    ACCESS_POINT = "access_point"
    VPN_GATEWAY = "vpn_gateway"
    LOAD_BALANCER = "load_balancer"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "core_switch": ("kärnswitch", "core", "kjernesvitsj", "kärna"),
        "distribution_switch": ("distributionsswitch", "distribusjonssvitsj", "distribution"),
        "access_switch": ("accessswitch", "access-switch", "aksessvitsj", "kantswitch"),
        "router": ("routrar", "ruter"),
        "firewall": ("brandvägg", "brannmur", "fw"),
        "wlan_controller": ("wlan-controller", "trådlös controller", "wifi controller"),
        "access_point": ("accesspunkt", "aksesspunkt", "ap", "wifi", "trådlös accesspunkt"),
        "vpn_gateway": ("vpn", "vpn-gateway"),
        "load_balancer": ("lastbalanserare", "lastbalanserer"),
    }


class Management(LocalisedEnum):
    ON_PREM = "on_prem"
    CLOUD = "cloud"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "on_prem": ("lokal", "lokalt", "on-premises", "onprem", "egen"),
        "cloud": ("moln", "sky", "molnhanterad", "skyadministrert"),
    }


class LinkKind(LocalisedEnum):
    DARK_FIBRE = "dark_fibre"
    FIBRE = "fibre"
    WAN_MPLS = "wan_mpls"
    SD_WAN = "sd_wan"
    VPN = "vpn"
    INTERNET = "internet"
    RADIO = "radio"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "dark_fibre": ("svartfiber", "mørk fiber", "dark fiber", "mörk fiber"),
        "fibre": ("fiber", "stadsnät", "stadsnät fiber"),
        "wan_mpls": ("mpls", "wan", "operatörsnät"),
        "sd_wan": ("sdwan", "sd-wan"),
        "vpn": ("ipsec", "vpn-tunnel"),
        "internet": ("bredband", "bredbånd"),
        "radio": ("radiolänk", "radiolink", "mikrovågslänk"),
    }


class ZonePurpose(LocalisedEnum):
    ADMIN = "admin"
    SCHOOL = "school"
    CARE = "care"
    IOT = "iot"
    GUEST = "guest"
    PUBLIC_WIFI = "public_wifi"
    DMZ = "dmz"
    MANAGEMENT = "management"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "admin": ("administration", "administrasjon", "kontor", "förvaltning"),
        "school": ("skola", "skole", "elev", "pedagogisk"),
        "care": ("vård", "omsorg", "helse", "vård och omsorg", "pleie"),
        "iot": ("sakernas internet", "fastighet", "byggnadsautomation"),
        "guest": ("gäst", "gjest"),
        "public_wifi": ("publikt wifi", "offentlig wifi", "gratis wifi"),
        "dmz": ("demilitariserad zon",),
        "management": ("hantering", "administrasjonsnett", "drift", "mgmt"),
    }


class Capability(LocalisedEnum):
    HYPERVISOR = "hypervisor"
    DIRECTORY = "directory"
    IDENTITY_MFA = "identity_mfa"
    EMAIL = "email"
    COLLABORATION = "collaboration"
    FILE_STORAGE = "file_storage"
    DATABASE = "database"
    BACKUP = "backup"
    MONITORING = "monitoring"
    ENDPOINT_MANAGEMENT = "endpoint_management"
    ENDPOINT_SECURITY = "endpoint_security"
    PRINT = "print"
    TELEPHONY = "telephony"
    REMOTE_ACCESS = "remote_access"
    LOGGING_SIEM = "logging_siem"
    DNS_DHCP = "dns_dhcp"
    INTEGRATION = "integration"
    E_SERVICES = "e_services"
    PUBLIC_WIFI = "public_wifi"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "hypervisor": ("virtualisering", "virtualization", "virtualisation"),
        "directory": ("katalogtjänst", "katalogtjeneste", "ad", "active directory"),
        "identity_mfa": ("identitet", "mfa", "flerfaktor", "identitet og mfa"),
        "email": ("e-post", "epost", "mail"),
        "collaboration": ("samarbete", "samarbeid", "samverkan"),
        "file_storage": ("fillagring", "fillagring og deling", "filer"),
        "database": ("databas", "databaser"),
        "backup": ("säkerhetskopiering", "sikkerhetskopiering"),
        "monitoring": ("övervakning", "overvåking"),
        "endpoint_management": ("klienthantering", "klientadministrasjon", "mdm", "uem"),
        "endpoint_security": ("antivirus", "klientskydd", "endepunktsikkerhet", "edr"),
        "print": ("utskrift", "utskrift og print", "skrivare"),
        "telephony": ("telefoni",),
        "remote_access": ("fjärråtkomst", "fjerntilgang"),
        "logging_siem": ("loggning", "logging", "siem", "logghantering"),
        "dns_dhcp": ("dns", "dhcp", "ipam"),
        "integration": ("integrasjon", "integrationsplattform"),
        "e_services": ("e-tjänster", "e-tjenester", "etjänster"),
        "public_wifi": ("publikt wifi", "offentlig wifi"),
    }


class Deployment(LocalisedEnum):
    ON_PREM = "on_prem"
    HOSTED = "hosted"
    SAAS = "saas"
    IAAS = "iaas"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "on_prem": ("lokal", "lokalt", "egen drift", "on-premises", "onprem", "egen server"),
        "hosted": ("driftad", "hostad", "leverantörsdrift", "leverandørdrift", "driftet"),
        "saas": ("molntjänst", "skytjeneste", "software as a service"),
        "iaas": ("infrastruktur som tjänst",),
    }


class ClientKind(LocalisedEnum):
    DESKTOP = "desktop"
    LAPTOP = "laptop"
    CHROMEBOOK = "chromebook"
    TABLET = "tablet"
    SMARTPHONE = "smartphone"
    THIN_CLIENT = "thin_client"
    PRINTER = "printer"
    IP_PHONE = "ip_phone"
    KIOSK = "kiosk"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "desktop": ("stationär", "stasjonær", "dator", "pc"),
        "laptop": ("bärbar", "bärbar dator", "bærbar", "bærbar pc"),
        "tablet": ("surfplatta", "nettbrett", "ipad", "platta"),
        "smartphone": ("mobiltelefon", "mobil", "smarttelefon"),
        "thin_client": ("tunn klient", "tynnklient"),
        "printer": ("skrivare", "skriver"),
        "ip_phone": ("ip-telefon", "bordstelefon"),
        "kiosk": ("kiosk-dator",),
    }


class ClientEdition(LocalisedEnum):
    """The edition of the Windows clients a municipality runs, where rows do not say it:
    Enterprise and Education follow longer support than Pro and Home, LTSC longer again."""

    ENTERPRISE = "enterprise"
    EDUCATION = "education"
    PRO = "pro"
    HOME = "home"
    LTSC = "ltsc"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "enterprise": ("företag", "foretag", "bedrift", "ent", "e3", "e5"),
        "education": ("utbildning", "utdanning", "skola", "skole", "edu", "a3", "a5"),
        "pro": ("professional", "professionell", "profesjonell"),
        "home": ("hem", "hemma", "hjem"),
        "ltsc": ("ltsb", "long-term servicing", "long term servicing channel",
                 "enterprise ltsc", "iot enterprise ltsc"),
    }


class UserGroup(LocalisedEnum):
    STAFF = "staff"
    STUDENT = "student"
    SHARED = "shared"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "staff": ("personal", "anställd", "ansatt", "ansatte", "medarbetare"),
        "student": ("elev", "elever", "studerande"),
        "shared": ("delad", "gemensam", "felles", "delt"),
    }


class DataClassification(LocalisedEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"
    SENSITIVE = "sensitive"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "public": ("öppen", "offentlig", "åpen"),
        "internal": ("intern",),
        "confidential": ("konfidentiell", "fortrolig", "sekretess"),
        "sensitive": ("känslig", "känsliga personuppgifter", "sensitiv", "strengt fortrolig"),
    }


class BusinessArea(LocalisedEnum):
    ADMINISTRATION = "administration"
    FINANCE = "finance"
    HR = "hr"
    EDUCATION = "education"
    SOCIAL_CARE = "social_care"
    HEALTH = "health"
    BUILDING_PLANNING = "building_planning"
    TECHNICAL_SERVICES = "technical_services"
    CULTURE_LEISURE = "culture_leisure"
    DOCUMENT_MANAGEMENT = "document_management"
    IT = "it"
    OTHER = "other"
    __aliases__: ClassVar[dict[str, tuple[str, ...]]] = {
        "administration": ("administrasjon", "kansli", "ledning", "politikk"),
        "finance": ("ekonomi", "økonomi"),
        "hr": ("personal", "lön", "lønn", "hr och lön"),
        "education": ("skola", "utbildning", "oppvekst", "skole", "barn och utbildning"),
        "social_care": ("socialtjänst", "omsorg", "vård och omsorg", "helse og omsorg"),
        "health": ("hälsa", "helse", "elevhälsa", "hälso- och sjukvård"),
        "building_planning": ("samhällsbyggnad", "bygg", "plan og bygg", "miljø", "miljö"),
        "technical_services": ("teknik", "teknisk", "tekniska förvaltningen", "teknisk drift"),
        "culture_leisure": ("kultur", "fritid", "kultur og fritid", "bibliotek"),
        "document_management": ("ärendehantering", "arkiv", "dokumenthantering", "sak og arkiv"),
        "it": ("ikt", "it-avdelning"),
        "other": ("annat", "annet", "övrigt"),
    }
