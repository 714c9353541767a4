"""What the command line prints (headings, table headers, summaries, "wrote ..."), in the
language of ``inventory --lang`` (or ``INVENTORY_LANG``); the terms are those of
docs/glossary.md. Validation problems (``Issue`` messages) and errors stay English.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    # shared
    "cli.note": ("Note: {text}", "Obs: {text}", "Merk: {text}"),
    "cli.wrote": ("wrote {path}", "skrev {path}", "skrev {path}"),
    "cli.wrote_diagrams": ("wrote {count} diagram files to {folder}",
                           "skrev {count} diagramfiler till {folder}",
                           "skrev {count} diagramfiler til {folder}"),
    "cli.wrote_tables": ("Wrote {count} tables to {folder}.",
                         "Skrev {count} tabeller till {folder}.",
                         "Skrev {count} tabeller til {folder}."),
    "cli.wrote_table": ("Wrote {count} table to {folder}.",
                        "Skrev {count} tabell till {folder}.",
                        "Skrev {count} tabell til {folder}."),
    "cli.yes": ("yes", "ja", "ja"),
    "cli.no": ("no", "nej", "nei"),
    "cli.total": ("total", "totalt", "totalt"),
    "cli.municipality": ("municipality", "kommun", "kommune"),
    "cli.record_kind": ("record kind", "posttyp", "posttype"),
    # counted nouns: .one for a count of 1, .other for any other
    "cli.count.municipality.one": ("{count} municipality", "{count} kommun",
                                   "{count} kommune"),
    "cli.count.municipality.other": ("{count} municipalities", "{count} kommuner",
                                     "{count} kommuner"),
    "cli.count.file.one": ("{count} file", "{count} fil", "{count} fil"),
    "cli.count.file.other": ("{count} files", "{count} filer", "{count} filer"),
    "cli.count.row.one": ("{count} row", "{count} rad", "{count} rad"),
    "cli.count.row.other": ("{count} rows", "{count} rader", "{count} rader"),
    "cli.count.error.one": ("{count} error", "{count} fel", "{count} feil"),
    "cli.count.error.other": ("{count} errors", "{count} fel", "{count} feil"),
    "cli.count.warning.one": ("{count} warning", "{count} varning", "{count} advarsel"),
    "cli.count.warning.other": ("{count} warnings", "{count} varningar", "{count} advarsler"),
    # validate and import: the summary line
    "cli.validate.valid": ("Valid", "Giltig", "Gyldig"),
    "cli.validate.invalid": ("Invalid", "Ogiltig", "Ugyldig"),
    "cli.validate.summary": ("{verdict}: {municipalities}, {files}, {rows}; {errors},"
                             " {warnings}.",
                             "{verdict}: {municipalities}, {files}, {rows}; {errors},"
                             " {warnings}.",
                             "{verdict}: {municipalities}, {files}, {rows}; {errors},"
                             " {warnings}."),
    # record kinds as the store names them (stats, import counts)
    "cli.kind.municipality": ("municipality", "kommun", "kommune"),
    "cli.kind.site": ("site", "plats", "lokasjon"),
    "cli.kind.server": ("server", "server", "server"),
    "cli.kind.storage": ("storage", "lagring", "lagring"),
    "cli.kind.network_device": ("network_device", "nätverksenhet", "nettverksenhet"),
    "cli.kind.link": ("link", "förbindelse", "linje"),
    "cli.kind.zone": ("zone", "zon", "sone"),
    "cli.kind.platform": ("platform", "plattform", "plattform"),
    "cli.kind.client": ("client", "klient", "klient"),
    "cli.kind.application": ("application", "verksamhetssystem", "fagsystem"),
    "cli.kind.client_devices": ("client_devices", "klientenheter", "klientenheter"),
    # stats, import, history, diff
    "cli.stats_title": ("Stored inventory ({runs} import runs)",
                        "Lagrad inventering ({runs} importkörningar)",
                        "Lagret kartlegging ({runs} importkjøringer)"),
    "cli.import.created": ("created", "nya", "nye"),
    "cli.import.updated": ("updated", "ändrade", "endret"),
    "cli.import.unchanged": ("unchanged", "oförändrade", "uendret"),
    "cli.import.deleted": ("deleted", "borttagna", "slettet"),
    "cli.dry_run_title": ("Dry run: nothing was written", "Provkörning: inget skrevs",
                          "Prøvekjøring: ingenting ble skrevet"),
    "cli.dry_run": ("Dry run: the import was computed and rolled back; nothing was written.",
                    "Provkörning: importen beräknades och rullades tillbaka; inget skrevs.",
                    "Prøvekjøring: importen ble beregnet og rullet tilbake; ingenting ble"
                    " skrevet."),
    "cli.run_unchanged": ("Import run {run}: no changes.",
                          "Importkörning {run}: inga ändringar.",
                          "Importkjøring {run}: ingen endringer."),
    "cli.run_stored": ("Import run {run} stored.", "Importkörning {run} lagrad.",
                       "Importkjøring {run} lagret."),
    "cli.prune_title": ("Records missing from the new files that will be deleted ({count}):",
                        "Poster som saknas i de nya filerna och tas bort ({count}):",
                        "Poster som mangler i de nye filene og slettes ({count}):"),
    "cli.and_more": (" and {count} more", " och {count} till", " og {count} til"),
    "cli.records_title": ("{kind}: {count} records", "{kind}: {count} poster",
                          "{kind}: {count} poster"),
    "cli.records_more": ("{count} more not shown (use --limit 0 for all, or --format json).",
                         "{count} till visas inte (--limit 0 visar alla, eller --format"
                         " json).",
                         "{count} til vises ikke (--limit 0 viser alle, eller --format"
                         " json)."),
    "cli.history_title": ("Import runs", "Importkörningar", "Importkjøringer"),
    "cli.history.run": ("run", "körning", "kjøring"),
    "cli.history.started": ("started", "startad", "startet"),
    "cli.history.version": ("version", "version", "versjon"),
    "cli.history.municipalities": ("municipalities", "kommuner", "kommuner"),
    "cli.history.prune": ("prune", "rensning", "opprydding"),
    "cli.diff_recreated": (" (deleted and created again)", " (borttagen och skapad igen)",
                           " (slettet og opprettet på nytt)"),
    "cli.diff_empty": ("(empty)", "(tomt)", "(tomt)"),
    "cli.diff_summary": ("Runs {a} -> {b}{scope}: {created} created, {updated} updated,"
                         " {deleted} deleted.",
                         "Körningar {a} -> {b}{scope}: {created} nya, {updated} ändrade,"
                         " {deleted} borttagna.",
                         "Kjøringer {a} -> {b}{scope}: {created} nye, {updated} endret,"
                         " {deleted} slettet."),
    "cli.diff_scope": (" of {municipality}", " för {municipality}", " for {municipality}"),
    # report and demo
    "cli.no_study_file": ("Note: {folder} holds no study file: the report has no decision"
                          " support (--study FOLDER names another folder).",
                          "Obs: {folder} innehåller ingen utredningsfil: rapporten får inget"
                          " beslutsunderlag (--study MAPP anger en annan mapp).",
                          "Merk: {folder} inneholder ingen utredningsfil: rapporten får"
                          " ikke beslutningsgrunnlag (--study MAPPE angir en annen mappe)."),
    "cli.demo.imported": ("Imported {count} records from {samples} into {database}",
                          "Importerade {count} poster från {samples} till {database}",
                          "Importerte {count} poster fra {samples} til {database}"),
    "cli.demo.municipalities": ("municipalities", "kommuner", "kommuner"),
    "cli.demo.population": ("population", "invånare", "innbyggere"),
    "cli.demo.servers": ("servers", "servrar", "servere"),
    "cli.demo.client_devices": ("client devices", "klientenheter", "klientenheter"),
    "cli.demo.applications": ("applications", "verksamhetssystem", "fagsystemer"),
    "cli.demo.similarity": ("mean similarity", "genomsnittlig likhet",
                            "gjennomsnittlig likhet"),
    "cli.demo.readiness": ("readiness", "förutsättningar", "utgangspunkt"),
    "cli.demo.eol": ("end-of-life assets", "komponenter efter supportslut",
                     "komponenter uten støtte"),
    "cli.demo.effort": ("effort", "arbetsinsats", "arbeidsinnsats"),
    "cli.demo.hours": ("{value} hours", "{value} timmar", "{value} timer"),
    "cli.demo.one_time": ("one-time cost", "engångskostnad", "engangskostnad"),
    "cli.demo.saving": ("yearly saving", "årlig besparing", "årlig besparelse"),
    "cli.demo.payback": ("payback", "återbetalning", "tilbakebetaling"),
    "cli.demo.plan": ("plan", "plan", "plan"),
    "cli.demo.plan_value": ("{weeks} weeks, to {year}", "{weeks} veckor, till {year}",
                            "{weeks} uker, til {year}"),
    "cli.demo.diagrams": ("diagrams: {count} files in {folder}",
                          "diagram: {count} filer i {folder}",
                          "diagrammer: {count} filer i {folder}"),
    "cli.demo.done": ("Done in {seconds} s. Open {path}", "Klart på {seconds} s. Öppna {path}",
                      "Ferdig på {seconds} s. Åpne {path}"),
    # gap
    "cli.gap.heading": ("Gap against {target} as of {date} (lifecycle horizon {months}"
                        " months); municipalities: {municipalities}",
                        "Gap mot {target} per {date} (livscykelhorisont {months} månader);"
                        " kommuner: {municipalities}",
                        "Gap mot {target} per {date} (livssyklushorisont {months} måneder);"
                        " kommuner: {municipalities}"),
    "cli.gap.readiness_title": (
        "Readiness: per capability the share of assets on a target product at a supported"
        " version, on the joint instance, not at or near end of life; domain = mean of its"
        " capabilities, overall = mean of the domains, all = mean of the municipalities"
        " (docs/method.md#readiness)",
        "Förutsättningar: per förmåga andelen komponenter med en målprodukt i en version med"
        " support, i den gemensamma instansen, utan passerat eller nära supportslut; domän ="
        " medelvärdet av dess förmågor, totalt = medelvärdet av domänerna, alla ="
        " medelvärdet av kommunerna (docs/method.md#readiness)",
        "Utgangspunkt: per kapabilitet andelen komponenter med et målprodukt i en versjon"
        " med støtte, i den felles instansen, uten passert eller nær slutt på støtte; domene"
        " = gjennomsnittet av kapabilitetene, totalt = gjennomsnittet av domenene, alle ="
        " gjennomsnittet av kommunene (docs/method.md#readiness)"),
    "cli.gap.overall": ("overall", "totalt", "totalt"),
    "cli.gap.blocks": ("Building blocks: {included} included, {changed} changed,"
                       " {eliminated} eliminated; {new} target blocks new.",
                       "Byggblock: {included} ingår, {changed} ändras, {eliminated} utgår;"
                       " {new} målblock är nya.",
                       "Byggeklosser: {included} inngår, {changed} endres, {eliminated} utgår;"
                       " {new} målblokker er nye."),
    "cli.gap.top_gaps": ("Top gaps by risk = consequence x exposure ({count} gaps;"
                         " docs/method.md#risk)",
                         "Största gapen efter risk = konsekvens x exponering ({count} gap;"
                         " docs/method.md#risk)",
                         "Største gap etter risiko = konsekvens x eksponering ({count} gap;"
                         " docs/method.md#risk)"),
    "cli.gap.col_rank": ("rank", "placering", "rangering"),
    "cli.gap.col_gap": ("gap", "gap", "gap"),
    "cli.gap.col_product": ("product", "produkt", "produkt"),
    "cli.gap.col_assets": ("assets", "komponenter", "komponenter"),
    "cli.gap.col_consequence": ("consequence", "konsekvens", "konsekvens"),
    "cli.gap.col_exposure": ("exposure", "exponering", "eksponering"),
    "cli.gap.col_risk": ("risk", "risk", "risiko"),
    "cli.gap.col_why": ("why", "varför", "hvorfor"),
    "cli.gap.eol_title": ("End-of-life exposure ({rows} rows; {assets} assets/devices)",
                          "Exponering för supportslut ({rows} rader; {assets}"
                          " komponenter/enheter)",
                          "Eksponering for slutt på støtte ({rows} rader; {assets}"
                          " komponenter/enheter)"),
    "cli.gap.col_state": ("state", "läge", "tilstand"),
    "cli.gap.col_asset": ("asset", "komponent", "komponent"),
    "cli.gap.col_eol": ("eol", "supportslut", "slutt på støtte"),
    "cli.gap.col_dependent": ("dependent applications", "beroende system",
                              "avhengige systemer"),
    "cli.gap.security_title": ("Security baseline gaps (today vs target)",
                               "Gap mot säkerhetsbaslinjen (i dag mot målet)",
                               "Gap mot sikkerhetsbaselinen (i dag mot målet)"),
    "cli.gap.col_control": ("control", "kontroll", "kontroll"),
    "cli.gap.col_today": ("today", "i dag", "i dag"),
    "cli.gap.col_target": ("target", "mål", "mål"),
    "cli.gap.capacity_title": ("Datacentre capacity", "Datacenterkapacitet",
                               "Datasenterkapasitet"),
    "cli.gap.col_site": ("site", "plats", "lokasjon"),
    "cli.gap.col_role": ("role", "roll", "rolle"),
    "cli.gap.col_servers": ("servers", "servrar", "servere"),
    "cli.gap.col_storage": ("storage", "lagring", "lagring"),
    "cli.gap.col_u_free": ("U free", "lediga U", "ledige U"),
    "cli.gap.col_kw_spare": ("kW spare", "kW kvar", "kW ledig"),
    "cli.gap.col_issues": ("issues", "brister", "mangler"),
    "cli.gap.links_title": ("Interconnects against the minimum",
                            "Förbindelser mot lägsta krav", "Samband mot minstekrav"),
    "cli.gap.col_link": ("link", "förbindelse", "linje"),
    "cli.gap.col_from": ("from", "från", "fra"),
    "cli.gap.col_to": ("to", "till", "til"),
    "cli.gap.col_redundant": ("redundant", "redundant", "redundant"),
    "cli.gap.col_verdict": ("verdict", "bedömning", "vurdering"),
    "cli.gap.ok": ("ok", "ok", "ok"),
    "cli.gap.sla_title": ("SLA gaps ({count} applications)",
                          "Gap i servicenivå ({count} system)",
                          "Gap i tjenestenivå ({count} systemer)"),
    "cli.gap.col_application": ("application", "system", "system"),
    "cli.gap.col_criticality": ("criticality", "kritikalitet", "kritikalitet"),
    "cli.gap.effort_title": ("Effort and cost per municipality",
                             "Arbetsinsats och kostnad per kommun",
                             "Arbeidsinnsats og kostnad per kommune"),
    "cli.gap.col_hours": ("hours", "timmar", "timer"),
    "cli.gap.col_cost": ("cost", "kostnad", "kostnad"),
    "cli.gap.waves_title": ("Migration waves", "Migreringsvågor", "Migreringsbølger"),
    "cli.gap.col_wave": ("wave", "våg", "bølge"),
    "cli.gap.col_items": ("items", "poster", "poster"),
    "cli.gap.col_actions": ("actions", "åtgärder", "tiltak"),
    # gap with several targets
    "cli.alt.title": ("Alternatives (docs/method.md#alternatives)",
                      "Alternativ (docs/method.md#alternatives)",
                      "Alternativer (docs/method.md#alternatives)"),
    "cli.alt.scope": ("scope (joint)", "omfattning (gemensam)", "omfang (felles)"),
    "cli.alt.one_time_low": ("one-time, low", "engångskostnad, låg", "engangskostnad, lav"),
    "cli.alt.one_time_expected": ("one-time, expected", "engångskostnad, förväntad",
                                  "engangskostnad, forventet"),
    "cli.alt.one_time_high": ("one-time, high", "engångskostnad, hög",
                              "engangskostnad, høy"),
    "cli.alt.saving": ("yearly saving", "årlig besparing", "årlig besparelse"),
    "cli.alt.payback": ("payback year", "återbetalningsår", "tilbakebetalingsår"),
    "cli.alt.npv": ("net present value", "nettonuvärde", "netto nåverdi"),
    "cli.alt.effort": ("effort (hours)", "arbetsinsats (timmar)", "arbeidsinnsats (timer)"),
    "cli.alt.plan": ("plan (months)", "plan (månader)", "plan (måneder)"),
    "cli.alt.high_risks": ("high risks (>= {score})", "höga risker (>= {score})",
                           "høye risikoer (>= {score})"),
    "cli.alt.top_risks": ("top {count} risk scores", "de {count} högsta riskpoängen",
                          "de {count} høyeste risikopoengene"),
    "cli.alt.readiness": ("readiness", "förutsättningar", "utgangspunkt"),
}
