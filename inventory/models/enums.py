"""Enumerations of the inventory: kinds, roles, capabilities and statuses, in one place.

Each accepts its Swedish and Norwegian spellings on import (``__aliases__``).
"""

from __future__ import annotations

from typing import ClassVar

from inventory.models.base import LocalisedEnum, Words


class Country(LocalisedEnum):
    SE = "SE"
    NO = "NO"
    __aliases__: ClassVar[dict[str, Words]] = {
        "SE": Words(sv=("sverige", "se"), nb=("sverige",), nn=("sverige",), en=("sweden", "swe")),
        "NO": Words(sv=("norge",), nb=("norge",), nn=("noreg",), en=("norway", "nor")),
    }


class OperatingModel(LocalisedEnum):
    IN_HOUSE = "in_house"
    OUTSOURCED = "outsourced"
    SHARED = "shared"
    __aliases__: ClassVar[dict[str, Words]] = {
        "in_house": Words(
            sv=("egen regi", "egen drift", "i egen regi", "intern drift", "intern"),
            nb=("egen drift", "egen regi", "intern drift", "intern"),
            nn=("eiga drift", "eigen drift", "intern drift", "intern"),
            en=("inhouse", "in-house", "own operations", "internal"),
        ),
        "outsourced": Words(
            sv=(
                "utkontrakterad",
                "outsourcad",
                "extern drift",
                "extern",
                "driftentreprenad",
                "skötselentreprenad",
            ),
            nb=("utkontraktert", "outsourcet", "ekstern drift", "ekstern", "driftsavtale"),
            nn=("utkontraktert", "ekstern drift", "ekstern"),
            en=("external", "managed service", "outsourcing"),
        ),
        "shared": Words(
            sv=(
                "samverkan",
                "delad",
                "gemensam drift",
                "interkommunal",
                "kommunalförbund",
                "gemensam it-nämnd",
            ),
            nb=(
                "felles",
                "samarbeid",
                "interkommunal",
                "felles drift",
                "interkommunalt samarbeid",
                "iks",
                "vertskommune",
            ),
            nn=("felles", "samarbeid", "interkommunal", "felles drift", "vertskommune"),
            en=("joint", "shared service", "inter-municipal", "intermunicipal"),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "datacentre": Words(
            sv=("datacenter", "datahall", "datorhall", "driftcenter"),
            nb=("datasenter", "datahall", "driftssenter"),
            nn=("datasenter", "datahall"),
            en=("data center", "data centre", "dc"),
        ),
        "server_room": Words(
            sv=("serverrum", "serverhall", "datorrum", "datarum"),
            nb=("serverrom", "datarom", "maskinrom"),
            nn=("serverrom", "datarom", "maskinrom"),
            en=("server room", "computer room", "machine room"),
        ),
        "colocation": Words(
            sv=("samlokalisering", "colo", "kolokalisering", "hyrd rackplats"),
            nb=("kolokasjon", "samlokalisering", "colo"),
            nn=("kolokasjon", "samlokalisering"),
            en=("colo", "co-location", "housing"),
        ),
        "cloud_region": Words(
            sv=("molnregion", "moln", "molnet"),
            nb=("skyregion", "sky", "skyen"),
            nn=("skyregion", "sky", "skyen"),
            en=("cloud", "azure region", "aws region"),
        ),
        "office": Words(
            sv=("kontor", "förvaltning", "rådhus", "kommunhus", "stadshus", "administration"),
            nb=("kontor", "rådhus", "administrasjon", "administrasjonsbygg", "kommunehus"),
            nn=("kontor", "rådhus", "administrasjon", "kommunehus"),
            en=("town hall", "city hall", "administration"),
        ),
        "school": Words(
            sv=("skola", "förskola", "grundskola", "gymnasium", "gymnasieskola"),
            nb=("skole", "barnehage", "grunnskole", "ungdomsskole", "barneskole"),
            nn=("skule", "barnehage", "grunnskule", "ungdomsskule"),
            en=("kindergarten", "preschool"),
        ),
        "care_home": Words(
            sv=(
                "äldreboende",
                "omsorgsboende",
                "vårdboende",
                "särskilt boende",
                "boende",
                "lss-boende",
            ),
            nb=("sykehjem", "omsorgsbolig", "bo- og omsorgssenter", "helsehus"),
            nn=("sjukeheim", "omsorgsbustad", "helsehus"),
            en=("nursing home", "care facility"),
        ),
        "other": Words(
            sv=("annat", "övrigt", "övrig"),
            nb=("annet", "øvrig", "andre"),
            nn=("anna", "andre"),
            en=("misc",),
        ),
    }


class ServerKind(LocalisedEnum):
    PHYSICAL = "physical"
    VIRTUAL = "virtual"
    APPLIANCE = "appliance"
    __aliases__: ClassVar[dict[str, Words]] = {
        "physical": Words(
            sv=("fysisk", "hårdvara", "fysisk server"),
            nb=("fysisk", "maskinvare", "fysisk server"),
            nn=("fysisk", "maskinvare", "fysisk tenar"),
            en=("bare metal", "hardware"),
        ),
        "virtual": Words(
            sv=("virtuell", "vm", "virtuell server"),
            nb=("virtuell", "vm", "virtuell server"),
            nn=("virtuell", "vm", "virtuell tenar"),
            en=("vm", "virtual machine", "guest"),
        ),
        "appliance": Words(
            sv=("apparat",), nb=("apparat",), nn=("apparat",), en=("hardware appliance",)
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "hypervisor": Words(
            sv=("virtualiseringsvärd", "virtualiseringsserver"),
            nb=("virtualiseringsvert", "virtualiseringsserver"),
            nn=("virtualiseringsvert",),
            en=("vmhost", "esx host", "esxi host", "hyper-v host", "vm host"),
        ),
        "application": Words(
            sv=("applikation", "app", "verksamhetssystem", "applikationsserver"),
            nb=("applikasjon", "app", "fagsystem", "applikasjonsserver"),
            nn=("applikasjon", "fagsystem"),
            en=("app", "application server"),
        ),
        "database": Words(
            sv=("databas", "databasserver", "sql"),
            nb=("database", "databaseserver", "sql"),
            nn=("database", "databasetenar"),
            en=("db", "sql", "sql server"),
        ),
        "file": Words(
            sv=("fil", "filserver"),
            nb=("fil", "filserver", "filtjener"),
            nn=("fil", "filtenar"),
            en=("file server", "fileserver"),
        ),
        "domain_controller": Words(
            sv=("domänkontrollant", "ad"),
            nb=("domenekontroller", "ad"),
            nn=("domenekontroller",),
            en=("dc", "ad", "active directory"),
        ),
        "web": Words(
            sv=("webb", "webbserver"),
            nb=("web", "webserver", "webtjener"),
            nn=("web", "webtenar"),
            en=("webserver", "web server", "iis"),
        ),
        "mail": Words(
            sv=("e-post", "epost", "mejl", "exchange"),
            nb=("e-post", "epost"),
            nn=("e-post",),
            en=("email", "exchange", "mail server"),
        ),
        "backup": Words(
            sv=("säkerhetskopiering", "backupserver"),
            nb=("sikkerhetskopi", "sikkerhetskopiering"),
            nn=("tryggingskopi", "sikkerheitskopi"),
            en=("backup server",),
        ),
        "print": Words(
            sv=("utskrift", "skrivare", "utskriftsserver", "utskrift server"),
            nb=("utskrift", "skriver", "utskriftsserver"),
            nn=("utskrift", "skrivar"),
            en=("print server", "printserver"),
        ),
        "terminal": Words(
            sv=("terminalserver", "citrix", "rds"),
            nb=("terminalserver",),
            nn=("terminaltenar",),
            en=("citrix", "rds", "remote desktop", "vdi"),
        ),
        "management": Words(
            sv=("hantering", "drift", "driftserver"),
            nb=("administrasjon", "drift", "driftsserver"),
            nn=("administrasjon", "drift"),
            en=("mgmt",),
        ),
        "monitoring": Words(
            sv=("övervakning",),
            nb=("overvåking", "overvåkning"),
            nn=("overvaking",),
            en=("monitor",),
        ),
        "infrastructure": Words(
            sv=("infrastruktur", "infra"),
            nb=("infrastruktur",),
            nn=("infrastruktur",),
            en=("infra",),
        ),
        "other": Words(sv=("annat", "övrigt"), nb=("annet", "øvrig"), nn=("anna",), en=("misc",)),
    }


class Status(LocalisedEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    STANDBY = "standby"
    DECOMMISSIONING = "decommissioning"
    RETIRED = "retired"
    __aliases__: ClassVar[dict[str, Words]] = {
        "planned": Words(
            sv=("planerad", "planerat", "kommande"),
            nb=("planlagt", "planlegges"),
            nn=("planlagd", "planlagt"),
            en=("plan", "future", "ordered"),
        ),
        "active": Words(
            sv=("aktiv", "i drift", "drift", "produktion", "i produktion", "i bruk", "driftsatt"),
            nb=("aktiv", "i drift", "drift", "produksjon", "i produksjon", "i bruk"),
            nn=("aktiv", "i drift", "drift", "i bruk"),
            en=("in production", "production", "live", "in use", "operational", "running"),
        ),
        "standby": Words(
            sv=("reserv", "beredskap", "vilande"),
            nb=("reserve", "beredskap", "kald reserve"),
            nn=("reserve", "beredskap"),
            en=("spare", "cold standby"),
        ),
        "decommissioning": Words(
            sv=(
                "avvecklas",
                "under avveckling",
                "ska avvecklas",
                "fasas ut",
                "ska fasas ut",
                "utfasning",
            ),
            nb=(
                "fases ut",
                "skal fases ut",
                "utfasing",
                "under utfasing",
                "skal avvikles",
                "avvikles",
            ),
            nn=("skal fasast ut", "blir fasa ut", "under utfasing", "skal avviklast"),
            en=("phasing out", "being decommissioned", "to be decommissioned"),
        ),
        "retired": Words(
            sv=("avvecklad", "utfasad", "ur drift", "avslutad", "skrotad"),
            nb=("faset ut", "avviklet", "ute av drift", "utrangert", "kassert"),
            nn=("fasa ut", "avvikla", "ute av drift", "kassert"),
            en=("decommissioned", "disposed", "out of service"),
        ),
    }


class Criticality(LocalisedEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"
    __aliases__: ClassVar[dict[str, Words]] = {
        "low": Words(sv=("låg", "1"), nb=("lav", "1"), nn=("låg", "1"), en=("minor", "1")),
        "medium": Words(
            sv=("medel", "mellan", "normal", "2"),
            nb=("middels", "medium", "normal", "2"),
            nn=("middels", "normal", "2"),
            en=("moderate", "2"),
        ),
        "high": Words(sv=("hög", "3"), nb=("høy", "3"), nn=("høg", "3"), en=("important", "3")),
        "critical": Words(
            sv=("kritisk", "verksamhetskritisk", "mycket hög", "4"),
            nb=("kritisk", "virksomhetskritisk", "svært høy", "4"),
            nn=("kritisk", "verksemdskritisk", "svært høg", "4"),
            en=("mission critical", "business critical", "4"),
        ),
    }


class StorageKind(LocalisedEnum):
    SAN = "san"
    NAS = "nas"
    OBJECT = "object"
    BACKUP_TARGET = "backup_target"
    TAPE = "tape"
    __aliases__: ClassVar[dict[str, Words]] = {
        "san": Words(
            sv=("blocklagring",),
            nb=("blokklagring",),
            nn=("blokklagring",),
            en=("block storage", "fc san", "iscsi"),
        ),
        "nas": Words(
            sv=("fillagring", "nas-lagring"),
            nb=("fillager", "nas-lagring"),
            nn=("fillager",),
            en=("file storage", "filer"),
        ),
        "object": Words(
            sv=("objektlagring", "s3"),
            nb=("objektlagring", "s3"),
            nn=("objektlagring",),
            en=("object storage", "s3", "blob"),
        ),
        "backup_target": Words(
            sv=("backupmål", "backup", "säkerhetskopia", "backuplagring"),
            nb=("sikkerhetskopi", "backup", "backuplager"),
            nn=("tryggingskopi", "backup"),
            en=("backup", "backup storage", "backup appliance"),
        ),
        "tape": Words(
            sv=("band", "bandbibliotek", "bandstation"),
            nb=("bånd", "båndbibliotek", "båndstasjon"),
            nn=("band", "bandbibliotek"),
            en=("tape library", "lto"),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "core_switch": Words(
            sv=("kärnswitch", "core", "kärna", "coreswitch", "stamswitch"),
            nb=("kjernesvitsj", "kjerneswitch", "core", "kjerne"),
            nn=("kjernesvitsj", "kjerneswitch", "kjerne"),
            en=("core", "core switch"),
        ),
        "distribution_switch": Words(
            sv=("distributionsswitch", "distribution", "fördelningsswitch"),
            nb=("distribusjonssvitsj", "distribusjonsswitch", "distribusjon"),
            nn=("distribusjonssvitsj", "distribusjonsswitch"),
            en=("distribution", "aggregation switch"),
        ),
        "access_switch": Words(
            sv=("accessswitch", "access-switch", "accesswitch", "kantswitch"),
            nb=(
                "aksessvitsj",
                "aksesswitch",
                "aksess-switch",
                "aksessvitsj",
                "aksesssvitsj",
                "kantsvitsj",
                "tilgangssvitsj",
            ),
            nn=("aksessvitsj", "aksesswitch", "aksesssvitsj", "kantsvitsj"),
            en=("access", "edge switch", "access switch"),
        ),
        "router": Words(
            sv=("routrar", "router"), nb=("ruter", "router"), nn=("ruter",), en=("wan router",)
        ),
        "firewall": Words(
            sv=("brandvägg", "fw"), nb=("brannmur",), nn=("brannmur",), en=("fw", "ngfw", "utm")
        ),
        "wlan_controller": Words(
            sv=("wlan-controller", "trådlös controller", "wifi-controller", "wlc"),
            nb=("wlan-kontroller", "trådløs kontroller"),
            nn=("trådlaus kontroller",),
            en=("wifi controller", "wireless controller", "wlc"),
        ),
        "access_point": Words(
            sv=("accesspunkt", "trådlös accesspunkt", "ap"),
            nb=("aksesspunkt", "trådløst aksesspunkt", "tilgangspunkt"),
            nn=("aksesspunkt", "trådlaust aksesspunkt"),
            en=("ap", "wifi", "access point", "wireless ap", "wap"),
        ),
        "vpn_gateway": Words(
            sv=("vpn", "vpn-gateway", "vpn-koncentrator"),
            nb=("vpn", "vpn-gateway"),
            nn=("vpn",),
            en=("vpn concentrator",),
        ),
        "load_balancer": Words(
            sv=("lastbalanserare", "lastdelare"),
            nb=("lastbalanserer",),
            nn=("lastbalanserar",),
            en=("adc", "load balancer"),
        ),
    }


class Management(LocalisedEnum):
    ON_PREM = "on_prem"
    CLOUD = "cloud"
    __aliases__: ClassVar[dict[str, Words]] = {
        "on_prem": Words(
            sv=("lokal", "lokalt", "egen", "lokalt hanterad"),
            nb=("lokal", "lokalt", "lokalt administrert"),
            nn=("lokal", "lokalt"),
            en=("on-premises", "onprem", "on premises", "local"),
        ),
        "cloud": Words(
            sv=("moln", "molnhanterad", "molnet"),
            nb=("sky", "skyadministrert", "skyen", "skybasert"),
            nn=("sky", "skybasert"),
            en=("cloud managed", "cloud-managed"),
        ),
    }


class LinkKind(LocalisedEnum):
    DARK_FIBRE = "dark_fibre"
    FIBRE = "fibre"
    WAN_MPLS = "wan_mpls"
    SD_WAN = "sd_wan"
    VPN = "vpn"
    INTERNET = "internet"
    RADIO = "radio"
    __aliases__: ClassVar[dict[str, Words]] = {
        "dark_fibre": Words(
            sv=("svartfiber", "mörk fiber", "egen fiber"),
            nb=("mørk fiber", "mørkfiber", "svart fiber", "egen fiber"),
            nn=("mørk fiber", "mørkfiber"),
            en=("dark fiber", "dark fibre"),
        ),
        "fibre": Words(
            sv=("fiber", "stadsnät", "stadsnät fiber", "fiberförbindelse"),
            nb=("fiber", "fiberlinje", "bynett"),
            nn=("fiber", "fiberline"),
            en=("fiber",),
        ),
        "wan_mpls": Words(
            sv=("mpls", "wan", "operatörsnät", "ip-vpn"),
            nb=("mpls", "wan", "ip-vpn", "operatørnett"),
            nn=("mpls", "wan", "ip-vpn"),
            en=("mpls vpn", "leased line"),
        ),
        "sd_wan": Words(en=("sdwan", "sd-wan")),
        "vpn": Words(
            sv=("ipsec", "vpn-tunnel"),
            nb=("ipsec", "vpn-tunnel"),
            nn=("vpn-tunnel",),
            en=("ipsec", "site-to-site vpn"),
        ),
        "internet": Words(
            sv=("bredband", "internetförbindelse"),
            nb=("internett", "bredbånd", "internettlinje"),
            nn=("internett", "breiband"),
            en=("broadband", "dia"),
        ),
        "radio": Words(
            sv=("radiolänk", "mikrovågslänk"),
            nb=("radiolink", "radiolinje"),
            nn=("radiolink",),
            en=("microwave", "wireless link"),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "admin": Words(
            sv=("administration", "kontor", "förvaltning", "adm", "administrativ"),
            nb=("administrasjon", "kontor", "adm"),
            nn=("administrasjon", "kontor"),
            en=("office", "corporate"),
        ),
        "school": Words(
            sv=("skola", "elev", "pedagogisk", "elevnät"),
            nb=("skole", "elev", "elevnett", "pedagogisk"),
            nn=("skule", "elev", "elevnett"),
            en=("education", "students", "pupils"),
        ),
        "care": Words(
            sv=("vård", "omsorg", "vård och omsorg", "hemtjänst"),
            nb=("helse", "omsorg", "pleie", "helse og omsorg"),
            nn=("helse", "omsorg", "helse og omsorg"),
            en=("healthcare", "health"),
        ),
        "iot": Words(
            sv=("sakernas internet", "fastighet", "byggnadsautomation", "fastighetsautomation"),
            nb=("tingenes internett", "bygningsautomasjon", "eiendom", "sd-anlegg"),
            nn=("tinga internett", "bygningsautomasjon"),
            en=("building automation", "bms", "ot"),
        ),
        "guest": Words(
            sv=("gäst", "gästnät"),
            nb=("gjest", "gjestenett"),
            nn=("gjest", "gjestenett"),
            en=("guests", "visitor"),
        ),
        "public_wifi": Words(
            sv=("publikt wifi", "offentlig wifi", "gratis wifi", "publikt wlan"),
            nb=("offentlig wifi", "gratis wifi", "publikumsnett"),
            nn=("offentleg wifi", "publikumsnett"),
            en=("public wlan", "open wifi"),
        ),
        "dmz": Words(
            sv=("demilitariserad zon",),
            nb=("demilitarisert sone",),
            nn=("demilitarisert sone",),
            en=("perimeter",),
        ),
        "management": Words(
            sv=("hantering", "drift", "driftnät"),
            nb=("administrasjonsnett", "drift", "driftsnett"),
            nn=("driftsnett", "drift"),
            en=("mgmt", "oob", "out-of-band"),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "hypervisor": Words(
            sv=("virtualisering", "virtualiseringsplattform"),
            nb=("virtualisering",),
            nn=("virtualisering",),
            en=("virtualization", "virtualisation"),
        ),
        "directory": Words(
            sv=("katalogtjänst", "ad", "active directory"),
            nb=("katalogtjeneste", "ad"),
            nn=("katalogteneste",),
            en=("ad", "active directory", "ldap", "directory service"),
        ),
        "identity_mfa": Words(
            sv=("identitet", "mfa", "flerfaktor", "inloggning"),
            nb=("identitet", "mfa", "tofaktor", "identitet og mfa"),
            nn=("identitet", "tofaktor"),
            en=("identity", "iam", "sso", "2fa"),
        ),
        "email": Words(
            sv=("e-post", "epost", "mejl", "mail"),
            nb=("e-post", "epost"),
            nn=("e-post",),
            en=("mail", "e-mail"),
        ),
        "collaboration": Words(
            sv=("samarbete", "samverkan", "samarbetsplattform"),
            nb=("samarbeid", "samhandling"),
            nn=("samarbeid", "samhandling"),
            en=("teamwork",),
        ),
        "file_storage": Words(
            sv=("fillagring", "filer", "filserver"),
            nb=("fillagring", "fillagring og deling", "filer"),
            nn=("fillagring", "filer"),
            en=("file share", "file shares"),
        ),
        "database": Words(
            sv=("databas", "databaser"),
            nb=("database", "databaser"),
            nn=("database", "databasar"),
            en=("dbms",),
        ),
        "backup": Words(
            sv=("säkerhetskopiering",), nb=("sikkerhetskopiering",), nn=("tryggingskopiering",)
        ),
        "monitoring": Words(
            sv=("övervakning",),
            nb=("overvåking", "overvåkning"),
            nn=("overvaking",),
            en=("observability",),
        ),
        "endpoint_management": Words(
            sv=("klienthantering", "mdm", "uem", "enhetshantering"),
            nb=("klientadministrasjon", "klienthåndtering", "mdm", "enhetsstyring"),
            nn=("klientadministrasjon", "mdm"),
            en=("mdm", "uem", "device management"),
        ),
        "endpoint_security": Words(
            sv=("antivirus", "klientskydd", "edr", "endpointskydd"),
            nb=("endepunktsikkerhet", "antivirus", "edr"),
            nn=("endepunkttryggleik", "antivirus"),
            en=("antivirus", "edr", "xdr"),
        ),
        "print": Words(
            sv=("utskrift", "skrivare", "utskriftshantering"),
            nb=("utskrift", "utskrift og print"),
            nn=("utskrift",),
            en=("printing",),
        ),
        "telephony": Words(
            sv=("telefoni", "växel"),
            nb=("telefoni", "sentralbord"),
            nn=("telefoni",),
            en=("voip", "pbx"),
        ),
        "remote_access": Words(
            sv=("fjärråtkomst", "distansåtkomst"),
            nb=("fjerntilgang",),
            nn=("fjerntilgang",),
            en=("remote access",),
        ),
        "logging_siem": Words(
            sv=("loggning", "logghantering", "siem"),
            nb=("logging", "logghåndtering", "siem"),
            nn=("logging", "siem"),
            en=("logging", "log management", "siem"),
        ),
        "dns_dhcp": Words(
            sv=("dns", "dhcp", "ipam"),
            nb=("dns", "dhcp", "ipam"),
            nn=("dns", "dhcp"),
            en=("ipam", "dns/dhcp"),
        ),
        "integration": Words(
            sv=("integration", "integrationsplattform"),
            nb=("integrasjon", "integrasjonsplattform"),
            nn=("integrasjon",),
            en=("esb", "ipaas", "integration platform"),
        ),
        "e_services": Words(
            sv=("e-tjänster", "etjänster", "e-tjänsteplattform"),
            nb=("e-tjenester", "digitale tjenester"),
            nn=("e-tenester", "digitale tenester"),
            en=("e-services", "eservices", "digital services"),
        ),
        "public_wifi": Words(
            sv=("publikt wifi", "offentlig wifi"),
            nb=("offentlig wifi",),
            nn=("offentleg wifi",),
            en=("public wifi",),
        ),
    }


class Deployment(LocalisedEnum):
    ON_PREM = "on_prem"
    HOSTED = "hosted"
    SAAS = "saas"
    IAAS = "iaas"
    __aliases__: ClassVar[dict[str, Words]] = {
        "on_prem": Words(
            sv=("lokal", "lokalt", "egen drift", "egen server", "lokal installation"),
            nb=("lokal", "lokalt", "egen drift", "lokal installasjon"),
            nn=("lokal", "lokalt", "eiga drift", "lokal installasjon"),
            en=("on-premises", "onprem", "on premises", "local"),
        ),
        "hosted": Words(
            sv=("driftad", "hostad", "leverantörsdrift", "extern drift", "driftas av leverantör"),
            nb=("leverandørdrift", "driftet", "hostet", "ekstern drift"),
            nn=("leverandørdrift", "drifta", "ekstern drift"),
            en=("hosting", "managed hosting", "vendor hosted"),
        ),
        "saas": Words(
            sv=("molntjänst", "moln", "molnet"),
            nb=("skytjeneste", "sky", "skyen", "skyløsning"),
            nn=("skyteneste", "sky", "skyen", "skyløysing"),
            en=("software as a service", "cloud", "cloud service"),
        ),
        "iaas": Words(
            sv=("infrastruktur som tjänst",),
            nb=("infrastruktur som tjeneste",),
            nn=("infrastruktur som teneste",),
            en=("infrastructure as a service",),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "desktop": Words(
            sv=("stationär", "stationär dator", "dator", "pc", "arbetsstation"),
            nb=("stasjonær", "stasjonær pc", "pc", "arbeidsstasjon"),
            nn=("stasjonær", "pc", "arbeidsstasjon"),
            en=("workstation", "pc", "tower"),
        ),
        "laptop": Words(
            sv=("bärbar", "bärbar dator"),
            nb=("bærbar", "bærbar pc"),
            nn=("berbar", "berbar pc"),
            en=("notebook",),
        ),
        "chromebook": Words(en=("chrome os device",)),
        "tablet": Words(
            sv=("surfplatta", "platta", "ipad"),
            nb=("nettbrett", "ipad"),
            nn=("nettbrett",),
            en=("ipad",),
        ),
        "smartphone": Words(
            sv=("mobiltelefon", "mobil"),
            nb=("mobiltelefon", "mobil", "smarttelefon"),
            nn=("mobiltelefon", "mobil"),
            en=("mobile", "mobile phone"),
        ),
        "thin_client": Words(
            sv=("tunn klient", "tunnklient"),
            nb=("tynnklient", "tynn klient"),
            nn=("tynnklient",),
            en=("zero client",),
        ),
        "printer": Words(
            sv=("skrivare", "multifunktionsskrivare"),
            nb=("skriver", "multifunksjonsskriver"),
            nn=("skrivar",),
            en=("mfp", "multifunction printer"),
        ),
        "ip_phone": Words(
            sv=("ip-telefon", "bordstelefon"),
            nb=("ip-telefon", "bordtelefon"),
            nn=("ip-telefon",),
            en=("desk phone", "voip phone"),
        ),
        "kiosk": Words(
            sv=("kiosk-dator", "kioskdator"), nb=("kiosk-pc",), nn=("kiosk-pc",), en=("kiosk pc",)
        ),
    }


class ClientEdition(LocalisedEnum):
    """The edition of the Windows clients a municipality runs, where rows do not say it:
    Enterprise and Education follow longer support than Pro and Home, LTSC longer again."""

    ENTERPRISE = "enterprise"
    EDUCATION = "education"
    PRO = "pro"
    HOME = "home"
    LTSC = "ltsc"
    __aliases__: ClassVar[dict[str, Words]] = {
        "enterprise": Words(
            sv=("företag", "foretag", "ent", "e3", "e5"),
            nb=("bedrift", "ent", "e3", "e5"),
            nn=("bedrift",),
            en=("ent", "e3", "e5"),
        ),
        "education": Words(
            sv=("utbildning", "skola", "edu", "a3", "a5"),
            nb=("utdanning", "skole", "a3", "a5"),
            nn=("utdanning", "skule"),
            en=("edu", "a3", "a5"),
        ),
        "pro": Words(
            sv=("professionell",), nb=("profesjonell",), nn=("profesjonell",), en=("professional",)
        ),
        "home": Words(sv=("hem", "hemma"), nb=("hjem",), nn=("heim",)),
        "ltsc": Words(
            en=(
                "ltsb",
                "long-term servicing",
                "long term servicing channel",
                "enterprise ltsc",
                "iot enterprise ltsc",
            )
        ),
    }


class UserGroup(LocalisedEnum):
    STAFF = "staff"
    STUDENT = "student"
    SHARED = "shared"
    __aliases__: ClassVar[dict[str, Words]] = {
        "staff": Words(
            sv=("personal", "anställd", "anställda", "medarbetare"),
            nb=("ansatt", "ansatte", "personale", "medarbeider"),
            nn=("tilsett", "tilsette"),
            en=("employee", "employees"),
        ),
        "student": Words(
            sv=("elev", "elever", "studerande"),
            nb=("elev", "elever"),
            nn=("elev", "elevar"),
            en=("pupil", "pupils", "students"),
        ),
        "shared": Words(
            sv=("delad", "gemensam", "pool"),
            nb=("felles", "delt"),
            nn=("felles", "delt"),
            en=("pool", "common"),
        ),
    }


class DataClassification(LocalisedEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"
    SENSITIVE = "sensitive"
    __aliases__: ClassVar[dict[str, Words]] = {
        "public": Words(
            sv=("öppen", "offentlig", "publik", "allmän"),
            nb=("åpen", "offentlig"),
            nn=("open", "offentleg"),
            en=("open",),
        ),
        "internal": Words(
            sv=("intern", "internt"), nb=("intern",), nn=("intern",), en=("internal use",)
        ),
        "confidential": Words(
            sv=("konfidentiell", "sekretess", "sekretessbelagd"),
            nb=("fortrolig", "unntatt offentlighet", "taushetsbelagt"),
            nn=("fortruleg", "unnateke offentlegheit", "teiepliktig"),
        ),
        "sensitive": Words(
            sv=("känslig", "känsliga personuppgifter", "mycket känslig"),
            nb=("sensitiv", "strengt fortrolig", "sensitive personopplysninger"),
            nn=("sensitiv", "strengt fortruleg"),
            en=("highly confidential", "special category"),
        ),
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
    __aliases__: ClassVar[dict[str, Words]] = {
        "administration": Words(
            sv=("administration", "kansli", "ledning", "politik", "kommunledning", "stab"),
            nb=("administrasjon", "politikk", "stab", "sentraladministrasjon"),
            nn=("administrasjon", "politikk", "stab"),
            en=("governance", "management"),
        ),
        "finance": Words(
            sv=("ekonomi", "redovisning", "ekonomiavdelning"),
            nb=("økonomi", "regnskap", "økonomiavdeling"),
            nn=("økonomi", "rekneskap"),
            en=("accounting", "finances"),
        ),
        "hr": Words(
            sv=("personal", "lön", "hr och lön", "personalavdelning"),
            nb=("lønn", "personal", "hr og lønn"),
            nn=("løn", "personal"),
            en=("human resources", "payroll", "personnel"),
        ),
        "education": Words(
            sv=("skola", "utbildning", "barn och utbildning", "förskola", "grundskola"),
            nb=("oppvekst", "skole", "utdanning", "barnehage"),
            nn=("oppvekst", "skule", "utdanning", "barnehage"),
            en=("school", "schools"),
        ),
        "social_care": Words(
            sv=(
                "socialtjänst",
                "omsorg",
                "vård och omsorg",
                "äldreomsorg",
                "individ- och familjeomsorg",
                "ifo",
            ),
            nb=("omsorg", "helse og omsorg", "pleie og omsorg", "barnevern", "nav"),
            nn=("omsorg", "helse og omsorg", "pleie og omsorg", "barnevern"),
            en=("social services", "social care", "care"),
        ),
        "health": Words(
            sv=("hälsa", "elevhälsa", "hälso- och sjukvård"),
            nb=("helse", "helsetjenester", "legevakt"),
            nn=("helse", "helsetenester"),
            en=("healthcare",),
        ),
        "building_planning": Words(
            sv=("samhällsbyggnad", "bygg", "miljö", "plan och bygg", "stadsbyggnad"),
            nb=("plan og bygg", "miljø", "byggesak", "areal"),
            nn=("plan og bygg", "miljø", "byggjesak"),
            en=("planning", "building", "environment"),
        ),
        "technical_services": Words(
            sv=("teknik", "teknisk", "tekniska förvaltningen", "gata park"),
            nb=("teknisk", "teknisk drift", "kommunalteknikk", "vann og avløp"),
            nn=("teknisk", "teknisk drift"),
            en=("technical services", "utilities", "public works"),
        ),
        "culture_leisure": Words(
            sv=("kultur", "fritid", "kultur och fritid", "bibliotek"),
            nb=("kultur", "fritid", "kultur og fritid", "bibliotek"),
            nn=("kultur", "fritid", "bibliotek"),
            en=("culture", "leisure", "library"),
        ),
        "document_management": Words(
            sv=("ärendehantering", "arkiv", "dokumenthantering", "diarium"),
            nb=("sak og arkiv", "arkiv", "saksbehandling", "dokumenthåndtering"),
            nn=("sak og arkiv", "arkiv"),
            en=("records management", "archive", "case management"),
        ),
        "it": Words(
            sv=("ikt", "it-avdelning"),
            nb=("ikt", "it-avdeling"),
            nn=("ikt",),
            en=("ict", "information technology"),
        ),
        "other": Words(sv=("annat", "övrigt"), nb=("annet", "øvrig"), nn=("anna",), en=("misc",)),
    }
