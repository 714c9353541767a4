"""Labels of the business case and the cost key (docs/method.md#costs, #ranges,
#assumptions, #cost-key), and the words of amounts written as ranges (``gap.money``).

Swedish and Norwegian follow the studies: engångskostnad / etableringskostnad,
driftskostnad, fördelningsnyckel / fordelingsnøkkel, nettonuvärde / netto nåverdi.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    # amounts as a person writes them (gap/money.py)
    "money.unit0": ("{currency}", "{currency}", "{currency}"),
    "money.unit0_kr": ("kr", "kr", "kr"),
    "money.unit3": ("k{currency}", "tusen {currency}", "tusen {currency}"),
    "money.unit3_kr": ("thousand kr", "tkr", "tusen kr"),
    "money.unit6": ("M{currency}", "mn {currency}", "mill. {currency}"),
    "money.unit6_kr": ("million kr", "mnkr", "mill. kr"),
    "money.unit9": ("bn {currency}", "md {currency}", "mrd. {currency}"),
    "money.unit9_kr": ("billion kr", "mdkr", "mrd. kr"),
    "money.about": ("about {value} {unit}", "cirka {value} {unit}", "omkring {value} {unit}"),
    "money.to": (" to ", " till ", " til "),
    "money.range": (
        "{low}{joiner}{high} {unit}, expected {expected}",
        "{low}{joiner}{high} {unit}, förväntat {expected}",
        "{low}{joiner}{high} {unit}, forventet {expected}",
    ),
    # the summary's sentence
    "costs.summary": (
        "One-time cost {one_time}; yearly running cost today {today}, after the merger"
        " {after}; yearly saving {saving}; {payback}; net present value over the plan and"
        " {years} years of operation at {rate} %: {npv}.",
        "Engångskostnad {one_time}; årlig driftskostnad i dag {today}, efter"
        " sammanslagningen {after}; årlig besparing {saving}; {payback}; nettonuvärde över"
        " planen och {years} års drift med {rate} % kalkylränta: {npv}.",
        "Engangskostnad {one_time}; årlig driftskostnad i dag {today}, etter"
        " sammenslåingen {after}; årlig besparelse {saving}; {payback}; netto nåverdi over"
        " planen og {years} års drift med {rate} % kalkulasjonsrente: {npv}.",
    ),
    "costs.summary_no_saving": (
        "One-time cost {one_time}; yearly running cost after the merger {after}. Today's IT"
        " cost is not known for every municipality: no yearly saving, payback or net present"
        " value.",
        "Engångskostnad {one_time}; årlig driftskostnad efter sammanslagningen {after}. Dagens"
        " IT-kostnad är inte känd för alla kommuner: ingen årlig besparing, återbetalningstid"
        " eller nettonuvärde.",
        "Engangskostnad {one_time}; årlig driftskostnad etter sammenslåingen {after}. Dagens"
        " IKT-kostnad er ikke kjent for alle kommunene: ingen årlig besparelse,"
        " tilbakebetalingstid eller netto nåverdi.",
    ),
    "costs.method": (
        "Labour is the migration items' hours × {rate} {currency}/hour, investment the units"
        " bought × the target's unit prices; the running cost after the merger is the"
        " target's staff, hosting, licence and renewal lines; each line is ±{labour} %"
        " (labour), ±{investment} % (investment) or ±{running} % (running); today's cost is"
        " as the municipalities state it. The one-time cost is spent as the plan's work"
        " packages run and the saving counts from the plan's end for {years} years of"
        " operation; the net present value discounts each year's net flow to the plan's"
        " start.",
        "Arbete är åtgärdernas timmar × {rate} {currency}/timme, investering de enheter som"
        " köps × målets styckpriser; driftskostnaden efter sammanslagningen är målets poster"
        " för personal, drift, licenser och förnyelse; varje post är ±{labour} % (arbete),"
        " ±{investment} % (investering) eller ±{running} % (drift); dagens kostnad är den"
        " kommunerna anger. Engångskostnaden fördelas över åren när planens"
        " arbetspaket genomförs och besparingen räknas från planens slut under {years} års"
        " drift; nettonuvärdet diskonterar varje års nettoflöde till planens start.",
        "Arbeid er tiltakenes timer × {rate} {currency}/time, investering enhetene som kjøpes"
        " × målets enhetspriser; driftskostnaden etter sammenslåingen er målets poster for"
        " personal, drift, lisenser og fornyelse; hver post er ±{labour} % (arbeid),"
        " ±{investment} % (investering) eller ±{running} % (drift); dagens kostnad er den"
        " kommunene oppgir. Engangskostnaden fordeles over årene når planens"
        " arbeidspakker gjennomføres, og besparelsen regnes fra planens slutt i {years} års"
        " drift; netto nåverdi diskonterer hvert års nettostrøm til planens start.",
    ),
    "costs.payback_year": (
        "payback in {calendar} (year {year} from the plan's start)",
        "återbetald {calendar} (år {year} från planens start)",
        "tilbakebetalt i {calendar} (år {year} fra planens start)",
    ),
    "costs.payback_beyond": (
        "no payback within the plan and {years} years of operation",
        "ingen återbetalning inom planen och {years} års drift",
        "ingen tilbakebetaling innen planen og {years} års drift",
    ),
    "costs.payback_never": (
        "no payback: the expected running cost after the merger is not lower than today's",
        "ingen återbetalning: den förväntade driftskostnaden efter sammanslagningen är inte"
        " lägre än dagens",
        "ingen tilbakebetaling: forventet driftskostnad etter sammenslåingen er ikke lavere"
        " enn dagens",
    ),
    "costs.not_known": ("not known", "okänd", "ukjent"),
    "costs.kf_one_time": ("One-time cost", "Engångskostnad", "Engangskostnad"),
    "costs.kf_saving": ("Yearly saving", "Årlig besparing", "Årlig besparelse"),
    "costs.cash_flow": ("Cash flow by year", "Kassaflöde per år", "Kontantstrøm per år"),
    "costs.cash_flow_note": (
        "Year 1 starts with the plan. One-time cost as the plan's packages run, saving from"
        " the plan's end for {years} years; present value at {rate} % to the plan's start.",
        "År 1 börjar med planen. Engångskostnad när planens arbetspaket genomförs, besparing"
        " från planens slut under {years} år; nuvärde med {rate} % till planens start.",
        "År 1 starter med planen. Engangskostnad når planens arbeidspakker gjennomføres,"
        " besparelse fra planens slutt i {years} år; nåverdi med {rate} % til planens start.",
    ),
    "costs.col_year": ("Year", "År", "År"),
    "costs.col_starts": ("Starts", "Börjar", "Starter"),
    "costs.col_spent": ("One-time cost", "Engångskostnad", "Engangskostnad"),
    "costs.col_saving": ("Saving", "Besparing", "Besparelse"),
    "costs.col_net": ("Net", "Netto", "Netto"),
    "costs.col_cumulative": ("Cumulative", "Ackumulerat", "Akkumulert"),
    "costs.col_present_value": ("Present value", "Nuvärde", "Nåverdi"),
    "costs.kf_payback": ("Payback", "Återbetalningstid", "Tilbakebetalingstid"),
    "costs.kf_payback_year": ("{calendar} (year {year})", "{calendar} (år {year})",
                              "{calendar} (år {year})"),
    "costs.kf_payback_none": (
        "not within the plan + {years} years",
        "inte inom planen + {years} år",
        "ikke innen planen + {years} år",
    ),
    "costs.kf_npv": (
        "Net present value (plan + {years} years, {rate} %)",
        "Nettonuvärde (planen + {years} år, {rate} %)",
        "Netto nåverdi (planen + {years} år, {rate} %)",
    ),
    "costs.kf_today": ("Yearly cost today", "Årlig kostnad i dag", "Årlig kostnad i dag"),
    "costs.kf_after": ("Yearly cost after", "Årlig kostnad efter", "Årlig kostnad etter"),
    # the business case section
    "costs.section": ("Business case", "Ekonomisk kalkyl", "Økonomisk kalkyle"),
    "costs.notes_title": (
        "Read before using the totals",
        "Läs innan summorna används",
        "Les før summene brukes",
    ),
    "costs.not_priced": (
        "{count} lines are not priced (no price in the target file and no default for"
        " {currency}): the totals leave them out.",
        "{count} poster är inte prissatta (inget pris i målfilen och inget standardvärde"
        " för {currency}): summorna tar inte med dem.",
        "{count} poster er ikke priset (ingen pris i målfilen og ingen standardverdi for"
        " {currency}): summene tar dem ikke med.",
    ),
    "costs.lines": ("Cost lines", "Kostnadsposter", "Kostnadsposter"),
    "costs.lines_note": (
        "Amount = quantity × unit price (labour: hours × hourly rate, hours = work units ×"
        " hours per unit); amounts rounded to thousands.",
        "Belopp = antal × styckpris (arbete: timmar × timpris, timmar = arbetsenheter ×"
        " timmar per enhet); belopp avrundade till tusental.",
        "Beløp = antall × enhetspris (arbeid: timer × timepris, timer = arbeidsenheter ×"
        " timer per enhet); beløp avrundet til tusen.",
    ),
    "costs.today": (
        "Yearly IT cost today, per municipality",
        "Årlig IT-kostnad i dag per kommun",
        "Årlig IKT-kostnad i dag per kommune",
    ),
    "costs.today_note": (
        "Compared with the cost after the merger, which counts: {counts}.",
        "Jämförs med kostnaden efter sammanslagningen, som räknar med: {counts}.",
        "Sammenlignes med kostnaden etter sammenslåingen, som regner med: {counts}.",
    ),
    "costs.assumptions": ("Assumptions", "Antaganden", "Forutsetninger"),
    "costs.assumptions_intro": (
        "Every rate, unit effort, unit price and parameter of the business case, with where"
        " it comes from: the target file, or a documented default.",
        "Varje timpris, enhetsinsats, styckpris och parameter i kalkylen, med var den kommer"
        " ifrån: målfilen eller ett dokumenterat standardvärde.",
        "Hver timepris, enhetsinnsats, enhetspris og parameter i kalkylen, med hvor den"
        " kommer fra: målfilen eller en dokumentert standardverdi.",
    ),
    "costs.shares": (
        "Who pays: the cost key and where the work lands",
        "Vem betalar: fördelningsnyckeln och var arbetet görs",
        "Hvem betaler: fordelingsnøkkelen og hvor arbeidet gjøres",
    ),
    "costs.shares_intro": (
        "The cost key ({name}) divides the whole one-time cost and the joint operation's"
        " yearly cost. Where the work lands is the cost of each municipality's own migration"
        " items plus its key share of the work done once for the joint operation. Both add up"
        " to the expected one-time cost; per inhabitant, side by side.",
        "Fördelningsnyckeln ({name}) fördelar hela engångskostnaden och den gemensamma"
        " driftens årliga kostnad. Där arbetet görs är kostnaden för kommunens egna"
        " migreringsåtgärder plus dess andel enligt nyckeln av arbetet som görs en gång för"
        " den gemensamma driften. Båda summerar till den förväntade engångskostnaden; per"
        " invånare, sida vid sida.",
        "Fordelingsnøkkelen ({name}) fordeler hele engangskostnaden og den felles driftens"
        " årlige kostnad. Der arbeidet gjøres er kostnaden for kommunens egne"
        " migreringstiltak pluss dens andel etter nøkkelen av arbeidet som gjøres én gang"
        " for den felles driften. Begge summerer til forventet engangskostnad; per"
        " innbygger, side om side.",
    ),
    "costs.joint": (
        "Joint (shared by the key)",
        "Gemensamt (fördelas enligt nyckeln)",
        "Felles (fordeles etter nøkkelen)",
    ),
    # columns
    "costs.col_id": ("No.", "Nr", "Nr"),
    "costs.col_phase": ("When", "När", "Når"),
    "costs.col_kind": ("Kind", "Slag", "Type"),
    "costs.col_line": ("Line", "Post", "Post"),
    "costs.col_work_quantity": ("Work units", "Arbetsenheter", "Arbeidsenheter"),
    "costs.col_unit_hours": ("Hours per unit", "Timmar per enhet", "Timer per enhet"),
    "costs.col_quantity": ("Quantity", "Antal", "Antall"),
    "costs.col_unit_price": ("Unit price", "Styckpris", "Enhetspris"),
    "costs.col_amount": ("Amount", "Belopp", "Beløp"),
    "costs.col_low": ("Low", "Låg", "Lav"),
    "costs.col_high": ("High", "Hög", "Høy"),
    "costs.col_source": ("Source", "Källa", "Kilde"),
    "costs.col_parameter": ("Parameter", "Parameter", "Parameter"),
    "costs.col_it_cost": ("IT cost per year", "IT-kostnad per år", "IKT-kostnad per år"),
    "costs.col_definition": ("Definition", "Definition", "Definisjon"),
    "costs.col_includes": ("Counts", "Räknar med", "Regner med"),
    "costs.col_excludes": ("Leaves out", "Räknar inte med", "Regner ikke med"),
    "costs.col_comparable": ("Like with like", "Jämförbar", "Sammenlignbar"),
    "costs.col_staff_cost": ("Of which staff", "Varav personal", "Herav personal"),
    "costs.col_platform_cost": ("Of which platforms", "Varav plattformar", "Herav plattformer"),
    "costs.col_link_cost": ("Of which links", "Varav förbindelser", "Herav samband"),
    "costs.col_not_itemised": ("Not itemised", "Ej specificerat", "Ikke spesifisert"),
    "costs.col_one_time_by_key": (
        "One-time, by key",
        "Engångs, enligt nyckeln",
        "Engangs, etter nøkkelen",
    ),
    "costs.col_one_time_by_key_pi": (
        "One-time by key per inhabitant",
        "Engångs enligt nyckeln per invånare",
        "Engangs etter nøkkelen per innbygger",
    ),
    "costs.col_work_hours": ("Own work (hours)", "Eget arbete (timmar)", "Eget arbeid (timer)"),
    "costs.col_work_cost": ("Own work (cost)", "Eget arbete (kostnad)", "Eget arbeid (kostnad)"),
    "costs.col_joint_share": (
        "Share of joint work",
        "Andel av gemensamt arbete",
        "Andel av felles arbeid",
    ),
    "costs.col_work_and_joint": ("Where the work lands", "Där arbetet görs", "Der arbeidet gjøres"),
    "costs.col_work_pi": (
        "Where the work lands per inhabitant",
        "Där arbetet görs per invånare",
        "Der arbeidet gjøres per innbygger",
    ),
    "costs.col_yearly_by_key": (
        "Yearly after, by key",
        "Per år efter, enligt nyckeln",
        "Per år etter, etter nøkkelen",
    ),
    "costs.col_yearly_by_key_pi": (
        "Yearly after by key per inhabitant",
        "Per år efter enligt nyckeln per invånare",
        "Per år etter etter nøkkelen per innbygger",
    ),
    "costs.col_today_yearly": ("Yearly today", "Per år i dag", "Per år i dag"),
    "costs.col_today_pi": (
        "Yearly today per inhabitant",
        "Per år i dag per invånare",
        "Per år i dag per innbygger",
    ),
    # the payback's range (best and worst case)
    "costs.payback_range": (
        "; best case {best}, worst case {worst}",
        "; i bästa fall {best}, i sämsta fall {worst}",
        "; i beste fall {best}, i verste fall {worst}",
    ),
    "costs.payback_case_none": (
        "none within the plan and {years} years",
        "ingen inom planen och {years} år",
        "ingen innen planen og {years} år",
    ),
    # who pays more per year than today (the shares table, the summary)
    "costs.who_change": (
        "{name} ({amount} a year, {percent} %)",
        "{name} ({amount} per år, {percent} %)",
        "{name} ({amount} per år, {percent} %)",
    ),
    "costs.list_and": ("{items} and {last}", "{items} och {last}", "{items} og {last}"),
    "costs.who_more": (
        "Under the cost key ({keyname}), {count} of {total} municipalities pay more per year"
        " after the merger than today: {more}.",
        "Med fördelningsnyckeln ({keyname}) betalar {count} av {total} kommuner mer per år"
        " efter sammanslagningen än i dag: {more}.",
        "Med fordelingsnøkkelen ({keyname}) betaler {count} av {total} kommuner mer per år"
        " etter sammenslåingen enn i dag: {more}.",
    ),
    "costs.who_less": (
        "They pay less: {less}.",
        "Mindre betalar: {less}.",
        "Mindre betaler: {less}.",
    ),
    "costs.who_none_more": (
        "Under the cost key ({keyname}), no municipality pays more per year after the merger"
        " than today.",
        "Med fördelningsnyckeln ({keyname}) betalar ingen kommun mer per år efter"
        " sammanslagningen än i dag.",
        "Med fordelingsnøkkelen ({keyname}) betaler ingen kommune mer per år etter"
        " sammenslåingen enn i dag.",
    ),
    "costs.who_other_key": (
        "Another key (by employees or devices) is set in the target's cost_key; the table"
        " below shows its effect per municipality.",
        "En annan nyckel (efter anställda eller enheter) anges i målfilens cost_key;"
        " tabellen nedan visar vad den ger för varje kommun.",
        "En annen nøkkel (etter ansatte eller enheter) angis i målfilens cost_key;"
        " tabellen nedenfor viser hva den gir for hver kommune.",
    ),
    "costs.unstated_licences": (
        "No yearly licence cost stated for: {products}. The cost after the merger leaves"
        " them out, so the saving is overstated by their licences.",
        "Ingen årlig licenskostnad angiven för: {products}. Kostnaden efter"
        " sammanslagningen saknar dem, så besparingen är överskattad med deras licenser.",
        "Ingen årlig lisenskostnad oppgitt for: {products}. Kostnaden etter"
        " sammenslåingen mangler dem, så besparelsen er overvurdert med lisensene deres.",
    ),
    "costs.col_yearly_change": (
        "Yearly change (after − today)",
        "Förändring per år (efter − i dag)",
        "Endring per år (etter − i dag)",
    ),
    "costs.col_yearly_change_pct": (
        "Yearly change (%)",
        "Förändring per år (%)",
        "Endring per år (%)",
    ),
    "costs.col_own_payback": ("Own payback year", "Eget återbetalningsår",
                              "Eget tilbakebetalingsår"),
    "costs.col_own_npv": ("Own net present value", "Eget nettonuvärde", "Egen netto nåverdi"),
    # values
    "costs.phase.one_time": ("one-time", "engångs", "engangs"),
    "costs.phase.today": ("today, per year", "i dag, per år", "i dag, per år"),
    "costs.phase.after": ("after, per year", "efter, per år", "etter, per år"),
    "costs.kind.labour": ("labour", "arbete", "arbeid"),
    "costs.kind.investment": ("investment", "investering", "investering"),
    "costs.kind.running": ("running", "drift", "drift"),
    "costs.source.target": ("target file", "målfilen", "målfilen"),
    "costs.source.default": (
        "documented default (docs/method.md#assumptions)",
        "dokumenterat standardvärde (docs/method.md#assumptions)",
        "dokumentert standardverdi (docs/method.md#assumptions)",
    ),
    "costs.source.inventory": ("inventory", "inventeringen", "kartleggingen"),
    "costs.source.study": (
        "the study's it-costs.yaml",
        "utredningens it-costs.yaml",
        "utredningens it-costs.yaml",
    ),
    "costs.source.municipality_table": (
        "municipality file (IT budget)",
        "kommunfilen (IT-budget)",
        "kommunefilen (IKT-budsjett)",
    ),
    "costs.source.none": ("not priced", "ej prissatt", "ikke priset"),
    "costs.comparable.yes": ("yes", "ja", "ja"),
    "costs.comparable.no": ("no", "nej", "nei"),
    "costs.comparable.unknown": ("not stated", "ej angivet", "ikke oppgitt"),
    "costs.item.staff": (
        "IT staff of the joint operation",
        "Personal i den gemensamma driften",
        "Personell i den felles driften",
    ),
    "costs.item.hosting": (
        "Datacentre, power and premises",
        "Datahall, el och lokaler",
        "Datasenter, strøm og lokaler",
    ),
    "costs.item.energy": (
        "Energy of the servers kept",
        "El till de servrar som behålls",
        "Strøm til serverne som beholdes",
    ),
    "costs.item.links": (
        "Links carried over from today",
        "Förbindelser som finns kvar",
        "Samband som videreføres",
    ),
    "costs.item.renewal": ("Renewal: {what}", "Förnyelse: {what}", "Fornyelse: {what}"),
    "costs.item.it_cost": (
        "IT cost today: {name}",
        "IT-kostnad i dag: {name}",
        "IKT-kostnad i dag: {name}",
    ),
    "costs.unit.hour": ("hours", "timmar", "timer"),
    "costs.unit.server": ("servers", "servrar", "servere"),
    "costs.unit.TB": ("TB", "TB", "TB"),
    "costs.unit.device": ("devices", "enheter", "enheter"),
    "costs.unit.year": ("year", "år", "år"),
    "costs.unit.FTE": ("FTE", "årsarbetare", "årsverk"),
    "costs.unit.kWh": ("kWh", "kWh", "kWh"),
    "costs.unit.user": ("users", "användare", "brukere"),
    "costs.unit.student": ("students", "elever", "elever"),
    "costs.unit.municipality": ("municipalities", "kommuner", "kommuner"),
    "costs.unit.organisation": ("organisation", "organisation", "organisasjon"),
    "costs.unit.unit": ("units", "enheter", "enheter"),
    "costs.unit.share": ("share of today's cost", "andel av dagens kostnad",
                         "andel av dagens kostnad"),
}
