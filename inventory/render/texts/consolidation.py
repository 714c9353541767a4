"""Labels of the consolidation section: one instance per capability for the joint
operation, and the compute check of the target clusters (docs/method.md#consolidation)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "consolidation.title": ("Consolidation", "Konsolidering", "Konsolidering"),
    "consolidation.method": (
        "The joint operation runs one instance of each capability (or the number the target"
        " states): the one at its stated site, else the primary datacentre's municipality's,"
        " else the largest by users, is kept; every other instance merges into it, priced"
        " per directory or tenant, user, mailbox, device, server and host with the target's"
        " unit efforts, and a capability no municipality has is introduced once and joined"
        " by each.",
        "Den gemensamma driften kör en instans av varje förmåga (eller det antal målet"
        " anger): den på angiven plats, annars den i det primära datacentrets kommun, annars"
        " den med flest användare, behålls; varje annan instans slås samman med den, prissatt"
        " per katalog eller tenant, användare, brevlåda, enhet, server och värd med målets"
        " enhetsinsatser, och en förmåga som ingen kommun har införs en gång och ansluts av"
        " var och en.",
        "Den felles driften kjører én instans av hver kapabilitet (eller det antallet målet"
        " angir): den på angitt sted, ellers den i kommunen med det primære datasenteret,"
        " ellers den med flest brukere, beholdes; hver annen instans slås sammen med den,"
        " priset per katalog eller tenant, bruker, postboks, enhet, server og vert med målets"
        " enhetsinnsats, og en kapabilitet ingen kommune har, innføres én gang og tas i bruk"
        " av hver."),
    "consolidation.table": (
        "Consolidation per capability", "Konsolidering per förmåga",
        "Konsolidering per kapabilitet"),
    "consolidation.sheet": ("Consolidation", "Konsolidering", "Konsolidering"),
    "consolidation.col_today": ("Instances today", "Instanser i dag", "Instanser i dag"),
    "consolidation.col_target": ("Instances in target", "Instanser i målet",
                                 "Instanser i målet"),
    "consolidation.col_kept": ("Kept", "Behålls", "Beholdes"),
    "consolidation.col_merging": ("Merged into it", "Slås samman med den",
                                  "Slås sammen med den"),
    "consolidation.compute_title": (
        "Compute capacity of the target clusters", "Beräkningskapacitet i målklustren",
        "Beregningskapasitet i målklyngene"),
    "consolidation.compute_sheet": ("Compute capacity", "Beräkningskapacitet",
                                    "Beregningskapasitet"),
    "consolidation.col_resource": ("Resource", "Resurs", "Ressurs"),
    "consolidation.col_moving": ("Moving", "Flyttas", "Flyttes"),
    "consolidation.col_capacity": ("Usable capacity", "Användbar kapacitet",
                                   "Brukbar kapasitet"),
    "consolidation.col_in_use": ("In use", "Används", "I bruk"),
    "consolidation.col_free": ("Free", "Ledigt", "Ledig"),
    "consolidation.col_short": ("Short", "Saknas", "Mangler"),
    "consolidation.col_fits": ("Fits", "Räcker", "Holder"),
}
