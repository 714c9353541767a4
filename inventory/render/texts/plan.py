"""Labels of the migration plan: the Gantt chart, the package table, the sequencing rules
and the work left out (docs/method.md#plan)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "plan.section": ("Migration plan", "Migreringsplan", "Migreringsplan"),
    "plan.method": (
        "The work is ordered by the dependency graph and the sequencing rules below, then"
        " grouped into work packages (one per wave and domain). A package starts when"
        " everything it depends on has ended and one of the {streams} parallel streams is"
        " free; each week the team of {team} FTE ({hours} productive hours per FTE and"
        " year) is shared among the running packages. Starting {start}, the plan ends"
        " {end} ({weeks} weeks). The critical path is the chain of packages that sets the"
        " end date: a delay there delays the whole plan.",
        "Arbetet ordnas efter beroendegrafen och ordningsreglerna nedan och delas sedan i"
        " arbetspaket (ett per våg och domän). Ett paket startar när allt det beror på är"
        " klart och ett av de {streams} parallella spåren är ledigt; varje vecka delas"
        " teamet på {team} årsarbetare ({hours} produktiva timmar per årsarbetare och år)"
        " mellan de paket som pågår. Med start {start} är planen klar {end} ({weeks}"
        " veckor). Den kritiska linjen är den kedja av paket som bestämmer slutdatum: en"
        " försening där försenar hela planen.",
        "Arbeidet ordnes etter avhengighetsgrafen og rekkefølgereglene nedenfor og deles"
        " så i arbeidspakker (én per bølge og domene). En pakke starter når alt den"
        " avhenger av er ferdig og ett av de {streams} parallelle sporene er ledig; hver"
        " uke deles teamet på {team} årsverk ({hours} produktive timer per årsverk og år)"
        " mellom pakkene som pågår. Med start {start} er planen ferdig {end} ({weeks}"
        " uker). Den kritiske linjen er kjeden av pakker som bestemmer sluttdatoen: en"
        " forsinkelse der forsinker hele planen.",
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
    "plan.quarter": ("Q{quarter} {year}", "kv{quarter} {year}", "{quarter}. kv. {year}"),
    "plan.weeks_short": ("{weeks} w", "{weeks} v", "{weeks} u"),
    "plan.wave_name": ("Wave {wave}: {domain}", "Våg {wave}: {domain}", "Bølge {wave}: {domain}"),
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
        "Work left out: replaced, so not moved or upgraded first",
        "Arbete som utgår: ersätts och flyttas eller uppgraderas därför inte först",
        "Arbeid som utgår: erstattes og flyttes eller oppgraderes derfor ikke først",
    ),
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
    "plan.rule.identity-before-mail-and-collaboration": (
        "The joint directory and identity tenant come before mailboxes, collaboration and"
        " files move.",
        "Den gemensamma katalogtjänsten och identitetsmiljön kommer före flytt av"
        " postlådor, samarbete och filer.",
        "Den felles katalogtjenesten og identitetsmiljøet kommer før flytting av"
        " postbokser, samhandling og filer.",
    ),
    "plan.rule.clients-after-their-platforms": (
        "Client devices are upgraded, re-enrolled or moved after their management and"
        " security platforms are in place.",
        "Klienter uppgraderas, registreras om eller flyttas när deras hanterings- och"
        " säkerhetsplattformar är på plats.",
        "Klienter oppgraderes, registreres på nytt eller flyttes når administrasjons- og"
        " sikkerhetsplattformene deres er på plass.",
    ),
    "plan.rule.business-systems-last": (
        "Business systems are harmonised last, on infrastructure already moved and upgraded.",
        "Verksamhetssystemen harmoniseras sist, på infrastruktur som redan flyttats och"
        " uppgraderats.",
        "Fagsystemene harmoniseres til slutt, på infrastruktur som allerede er flyttet og"
        " oppgradert.",
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
