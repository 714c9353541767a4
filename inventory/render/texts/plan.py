"""Labels of the migration plan: the Gantt chart, the package table, the sequencing rules
and the work left out (docs/method.md#plan)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "plan.section": ("Migration plan", "Migreringsplan", "Migreringsplan"),
    "plan.method": (
        "The work is ordered by the dependency graph and the sequencing rules below, then"
        " grouped into work packages, numbered in order of their start. A package starts"
        " when everything it depends on has ended and one of the {streams} parallel"
        " streams is free; of the packages ready at once, those removing something past"
        " its end of life, then those of higher risk, start first. Each week the team of"
        " {team} FTE ({hours} productive hours per FTE and year) is shared among the"
        " running packages. Starting {start}, the plan ends {end} ({weeks} weeks). The"
        " critical path is the chain of packages that sets the end date: a delay there"
        " delays the whole plan; where a link in it is a wait for a free stream, not a"
        " dependency, the table names the package it waited for. Business-system"
        " harmonisations are run by the business side with the vendor (procurement, data"
        " conversion, training); the plan holds the IT part of them.",
        "Arbetet ordnas efter beroendegrafen och ordningsreglerna nedan och delas sedan i"
        " arbetspaket, numrerade i den ordning de startar. Ett paket startar när allt det"
        " beror på är klart och ett av de {streams} parallella spåren är ledigt; av de"
        " paket som kan starta samtidigt går de som åtgärdar något som passerat"
        " supportslut först, sedan de med högre risk. Varje vecka delas teamet på {team}"
        " årsarbetare ({hours} produktiva timmar per årsarbetare och år) mellan de paket"
        " som pågår. Med start {start} är planen klar {end} ({weeks} veckor). Den kritiska"
        " linjen är den kedja av paket som bestämmer slutdatum: en försening där försenar"
        " hela planen; där en länk i den är väntan på ett ledigt spår och inte ett"
        " beroende, anger tabellen vilket paket det väntade på. Harmoniseringen av"
        " verksamhetssystem drivs av verksamheten med leverantören (upphandling,"
        " datakonvertering, utbildning); planen visar IT-delen av den.",
        "Arbeidet ordnes etter avhengighetsgrafen og rekkefølgereglene nedenfor og deles"
        " så i arbeidspakker, nummerert i den rekkefølgen de starter. En pakke starter når"
        " alt den avhenger av er ferdig og ett av de {streams} parallelle sporene er ledig;"
        " av pakkene som kan starte samtidig, går de som fjerner noe uten"
        " leverandørstøtte først, deretter de med høyere risiko. Hver uke deles teamet på"
        " {team} årsverk ({hours} produktive timer per årsverk og år) mellom pakkene som"
        " pågår. Med start {start} er planen ferdig {end} ({weeks} uker). Den kritiske"
        " linjen er kjeden av pakker som bestemmer sluttdatoen: en forsinkelse der"
        " forsinker hele planen; der et ledd i den er venting på et ledig spor og ikke en"
        " avhengighet, viser tabellen hvilken pakke den ventet på. Harmoniseringen av"
        " fagsystemer drives av virksomheten sammen med leverandøren (anskaffelse,"
        " datakonvertering, opplæring); planen viser IT-delen av den.",
    ),
    "plan.chart_title": ("Migration plan", "Migreringsplan", "Migreringsplan"),
    "plan.chart_desc": (
        "{count} work packages from {start} to {end}; the critical path is red, hatched and"
        " marked ▲.",
        "{count} arbetspaket från {start} till {end}; den kritiska linjen är röd, streckad"
        " och märkt ▲.",
        "{count} arbeidspakker fra {start} til {end}; den kritiske linjen er rød, skravert"
        " og merket ▲.",
    ),
    "plan.critical": ("critical path", "kritisk linje", "kritisk linje"),
    "plan.package": ("work package", "arbetspaket", "arbeidspakke"),
    "plan.quarter": ("Q{quarter} {year}", "K{quarter} {year}", "K{quarter} {year}"),
    "plan.weeks_short": ("{weeks} w", "{weeks} v", "{weeks} u"),
    "plan.package_name": ("{domain} {number}", "{domain} {number}", "{domain} {number}"),
    "plan.col_waited": (
        "Waited for a free stream (after)",
        "Väntade på ledigt spår (efter)",
        "Ventet på ledig spor (etter)",
    ),
    "plan.col_eol": ("Removes end of life", "Åtgärdar supportslut", "Fjerner utgått støtte"),
    "plan.col_risk": ("Highest risk", "Högsta risk", "Høyeste risiko"),
    "plan.waited_note": ("waited for {package}", "väntade på {package}", "ventet på {package}"),
    "plan.table_title": ("Work packages", "Arbetspaket", "Arbeidspakker"),
    "plan.col_package": ("Package", "Paket", "Pakke"),
    "plan.col_weeks": ("Weeks", "Veckor", "Uker"),
    "plan.col_start": ("Start", "Start", "Start"),
    "plan.col_end": ("End", "Klart", "Ferdig"),
    "plan.col_fte": ("Staff (FTE)", "Bemanning (årsarbetare)", "Bemanning (årsverk)"),
    "plan.col_depends": ("Depends on", "Beror på", "Avhenger av"),
    "plan.col_critical": ("Critical path", "Kritisk linje", "Kritisk linje"),
    "plan.col_rule": ("Rule", "Regel", "Regel"),
    "plan.col_source": ("Source", "Källa", "Kilde"),
    "plan.col_address": ("Address", "Adress", "Adresse"),
    "plan.kf_end": ("Plan ends", "Planen klar", "Planen ferdig"),
    "plan.kf_weeks": ("Plan length (weeks)", "Planens längd (veckor)", "Planens lengde (uker)"),
    "plan.rules_title": ("Sequencing rules", "Ordningsregler", "Rekkefølgeregler"),
    "plan.dropped_title": (
        "Work left out: replaced or retired, so not moved or upgraded first",
        "Arbete som utgår: ersätts eller avvecklas och flyttas eller uppgraderas därför inte",
        "Arbeid som utgår: erstattes eller avvikles og flyttes eller oppgraderes derfor ikke",
    ),
    # the table's sheet in report.xlsx (at most 31 characters)
    "plan.dropped_sheet": ("Work left out", "Arbete som utgår", "Arbeid som utgår"),
    "plan.dropped_intro": (
        "{count} items ({hours} hours) are not planned: what they would move or upgrade is"
        " being replaced, so it is switched off once its successor runs.",
        "{count} poster ({hours} timmar) planeras inte: det de skulle flytta eller"
        " uppgradera ersätts och stängs av när efterträdaren är i drift.",
        "{count} poster ({hours} timer) planlegges ikke: det de skulle flytte eller"
        " oppgradere erstattes og slås av når etterfølgeren er i drift.",
    ),
    "plan.none_dropped": (
        "No work is left out: nothing that moves or is upgraded is being replaced.",
        "Inget arbete utgår: inget som flyttas eller uppgraderas ersätts.",
        "Ikke noe arbeid utgår: ingenting som flyttes eller oppgraderes, erstattes.",
    ),
    # the rules of inventory/data/sequencing.yaml, by id
    "plan.rule.management-plane-before-hosts": (
        "The hypervisor management plane (vCenter, SCVMM or the joint platform) is upgraded"
        " or replaced before the hosts it manages are upgraded.",
        "Hanteringsplattformen för virtualiseringen (vCenter, SCVMM eller den gemensamma"
        " plattformen) uppgraderas eller ersätts innan värdarna den hanterar uppgraderas.",
        "Administrasjonsplattformen for virtualiseringen (vCenter, SCVMM eller den felles"
        " plattformen) oppgraderes eller erstattes før vertene den styrer oppgraderes.",
    ),
    "plan.rule.hosts-with-their-storage": (
        "A site's storage moves in the same wave as its physical servers and hosts.",
        "Lagringen på en plats flyttas i samma våg som platsens fysiska servrar och värdar.",
        "Lagringen på et sted flyttes i samme bølge som stedets fysiske servere og verter.",
    ),
    "plan.rule.hosts-before-their-vms": (
        "Hosts and storage of a site move before the virtual machines on them.",
        "Värdar och lagring på en plats flyttas före de virtuella servrarna på dem.",
        "Verter og lagring på et sted flyttes før de virtuelle serverne på dem.",
    ),
    "plan.rule.hypervisor-swap-at-destination": (
        "A host that leaves its site gets its new hypervisor at the destination, after the move.",
        "En värd som lämnar sin plats får sin nya hypervisor på destinationen, efter flytten.",
        "En vert som forlater stedet sitt får ny hypervisor på destinasjonen, etter flyttingen.",
    ),
    "plan.rule.directory-before-tenant-cutover": (
        "The joint directory is in place before a municipality's Microsoft 365 tenant"
        " cutover and before files move.",
        "Den gemensamma katalogtjänsten är på plats före kommunens flytt till den"
        " gemensamma Microsoft 365-miljön (tenant) och före flytt av filer.",
        "Den felles katalogtjenesten er på plass før kommunens flytting til den felles"
        " Microsoft 365-leietakeren (tenant) og før flytting av filer.",
    ),
    "plan.rule.tenant-cutover-together": (
        "A municipality's identities, mailboxes, OneDrive/SharePoint and Teams move to the"
        " joint tenant in one cutover (a mail domain can be in one tenant only).",
        "Kommunens identiteter, postlådor, OneDrive/SharePoint och Teams flyttas till den"
        " gemensamma miljön i en och samma övergång (en e-postdomän kan bara finnas i en"
        " tenant).",
        "Kommunens identiteter, postbokser, OneDrive/SharePoint og Teams flyttes til den"
        " felles leietakeren i én og samme overgang (et e-postdomene kan bare ligge i én"
        " tenant).",
    ),
    "plan.rule.devices-after-tenant-cutover": (
        "Managed devices move into the joint tenant after their users' cutover.",
        "Hanterade enheter flyttas till den gemensamma miljön efter användarnas övergång.",
        "Administrerte enheter flyttes til den felles leietakeren etter brukernes overgang.",
    ),
    "plan.rule.clients-after-their-platforms": (
        "Client devices are upgraded, re-enrolled or moved after their management and"
        " security platforms are in place.",
        "Klienter uppgraderas, registreras om eller flyttas när deras hanterings- och"
        " säkerhetsplattformar är på plats.",
        "Klienter oppgraderes, registreres på nytt eller flyttes når administrasjons- og"
        " sikkerhetsplattformene deres er på plass.",
    ),
    "plan.rule.business-systems-after-identity": (
        "A business system is harmonised once the servers it runs on are moved and upgraded"
        " and the joint directory and identity tenant are in place. The business side runs"
        " the harmonisation with the vendor; the plan shows the IT part. The project's own"
        " rule.",
        "Ett verksamhetssystem harmoniseras när servrarna det kör på är flyttade och"
        " uppgraderade och den gemensamma katalogtjänsten och identitetsmiljön är på plats."
        " Verksamheten driver harmoniseringen med leverantören; planen visar IT-delen."
        " Projektets egen regel.",
        "Et fagsystem harmoniseres når serverne det kjører på er flyttet og oppgradert og"
        " den felles katalogtjenesten og identitetsmiljøet er på plass. Virksomheten driver"
        " harmoniseringen sammen med leverandøren; planen viser IT-delen. Prosjektets egen"
        " regel.",
    ),
    "plan.rule.merged-directory-controllers-retire": (
        "A domain controller of a directory that merges into the joint one is neither moved"
        " nor upgraded: it is demoted and switched off after the merge.",
        "En domänkontrollant i en katalog som går upp i den gemensamma varken flyttas eller"
        " uppgraderas: den avvecklas efter sammanslagningen.",
        "En domenekontroller i en katalog som slås sammen med den felles, verken flyttes"
        " eller oppgraderes: den avvikles etter sammenslåingen.",
    ),
    "plan.rule.superseded-not-moved-or-upgraded": (
        "A server whose every platform and business system is being replaced is neither"
        " moved nor upgraded: it is switched off once the replacement runs.",
        "En server där varje plattform och verksamhetssystem ersätts varken flyttas eller"
        " uppgraderas: den stängs av när ersättaren är i drift.",
        "En server der hver plattform og hvert fagsystem erstattes, verken flyttes eller"
        " oppgraderes: den slås av når erstatningen er i drift.",
    ),
    "plan.rule.replaced-application-not-moved": (
        "A business system the target replaces is not moved first; an application moves"
        " only while a server it runs on moves.",
        "Ett verksamhetssystem som målet ersätter flyttas inte först; ett system flyttas"
        " bara om en server det kör på flyttas.",
        "Et fagsystem som målet erstatter, flyttes ikke først; et system flyttes bare hvis"
        " en server det kjører på, flyttes.",
    ),
}
