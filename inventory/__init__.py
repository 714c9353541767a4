"""inventory: infrastructure inventories of municipalities, read, stored, analysed and
compared with a target architecture for merged IT operations.

The library API (the command line ``inventory`` runs the same functions). A monthly
import, scripted::

    import inventory

    inventory.validate_inventory(["exports/gnosjo"])   # InvalidInputError when invalid
    with inventory.open_store("inventory.db") as store:
        inventory.import_inventory(["exports/gnosjo"], store)
        snapshot = inventory.load_snapshot(store)
    target = inventory.read_target("target.yaml")
    inventory.write_report(inventory.analyse_inventory(snapshot, target), "out/report")

Invalid input is reported one way: ``InvalidInputError`` carrying every issue (see
``inventory.api``). The names below are loaded when first used, so ``import inventory``
stays light (the command line starts without pandas or SQLAlchemy).

Read and validate:

* ``validate_inventory``: check inventory folders (and exports read through adapters or
  mapping profiles); the batch an import would store
* ``validate_folders``: check folders against what a database holds (``inventory validate``:
  the database only read, never created)
* ``ImportBatch``: what a validation found: the municipalities' tables, references, the
  report

Store:

* ``open_store``: the database at a URL or SQLite path (``with`` closes it)
* ``import_inventory``: validate and store folders in one transaction
* ``import_folders``: validate and store folders into a database at a URL (``inventory
  import``: folders unchanged since their last import left unread)
* ``FolderImport``: what ``import_folders`` validated and stored
* ``InventoryStore``: the database: import, history, snapshot
* ``ImportResult``: created / updated / unchanged / deleted per municipality and kind

Snapshot:

* ``load_snapshot``: the stored inventory of some or all municipalities, as analyses read it
* ``InventorySnapshot``: one frame per record kind and the references

Analyse:

* ``build_graph``: the dependency graph of a snapshot
* ``InventoryGraph``: the graph, its summary, GraphML and JSON
* ``impact``: everything that depends on a node, transitively
* ``compute_overlap``: products per capability and municipality, similarity, shared
  applications
* ``OverlapResult``: the overlap tables
* ``Normaliser``: product names to catalogue products and release cycles

Target and gap:

* ``read_target``: a target architecture file (YAML)
* ``TargetArchitecture``: the target: capabilities, standards, scope, costs
* ``propose_target``: a target drafted from the inventories
* ``compute_gap``: the harmonisation gap between a snapshot and a target
* ``GapReport``: the gap's tables, business case and plan
* ``compare_alternatives``: several targets costed side by side

Report:

* ``analyse_inventory``: everything the report shows: overlap, gap, the study
* ``write_report``: report.html, .xlsx, .md, .json and the diagrams
* ``ReportInputs``: what ``analyse_inventory`` computed
* ``ReportFiles``: what ``write_report`` wrote

Export:

* ``write_archimate``: the baseline, the target and the gap as an ArchiMate model file
* ``ArchimateExport``: what ``write_archimate`` wrote

Study (decision support):

* ``study_results``: potential, alternatives, cost sharing, projections of a study folder
* ``StudyResults``: the study's results
* ``study_alternatives``: the study's alternatives ranked, and costed over the stored
  inventory (``inventory study alternatives --costed``)
* ``StudyAlternatives``: the ranking and the costed alternatives

Synthetic inventories:

* ``generate_inventories``: seeded inventories of any number of municipalities
* ``SynthOptions``: how many, which seed, which errors planted
* ``SynthResult``: what was written

Issues:

* ``Issue``: one problem in the input: code, severity, place, message, hint
* ``IssueCode``: the stable codes
* ``IssueReport``: the issues of one validation, with its statistics
* ``Severity``: error, warning, info

Errors:

* ``InventoryError``: base of every error the tool reports (``message``, ``hint``)
* ``InvalidInputError``: invalid input: ``report`` and ``issues`` list every problem
* ``InvalidStudyInput``: an invalid study folder (an ``InvalidInputError``)
* ``StoreError``: the database cannot be opened, migrated or written
* ``NotFoundError``: a municipality, node, run or file named does not exist
* ``UnknownMunicipalityError``: municipality codes named that are not stored
* ``NothingStoredError``: an analysis asked for with nothing stored
* ``TargetError``: a target that cannot be used with the stored inventory
* ``StudyInputError``: a study input that cannot be used
* ``RenderError``: a diagram or report cannot be rendered
* ``OutputError``: an output file cannot be written
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the module that defines it (imported on first use: PEP 562).
_EXPORTS: dict[str, str] = {
    "validate_inventory": "inventory.api",
    "validate_folders": "inventory.api",
    "ImportBatch": "inventory.validate.batch",
    "open_store": "inventory.api",
    "import_inventory": "inventory.api",
    "import_folders": "inventory.api",
    "FolderImport": "inventory.api",
    "InventoryStore": "inventory.store",
    "ImportResult": "inventory.store",
    "load_snapshot": "inventory.api",
    "InventorySnapshot": "inventory.snapshot",
    "build_graph": "inventory.analyse.graph",
    "InventoryGraph": "inventory.analyse.graph",
    "impact": "inventory.analyse.impact",
    "compute_overlap": "inventory.api",
    "OverlapResult": "inventory.analyse.overlap",
    "Normaliser": "inventory.analyse.normalise",
    "read_target": "inventory.api",
    "TargetArchitecture": "inventory.target.model",
    "propose_target": "inventory.target.propose",
    "compute_gap": "inventory.gap.result",
    "GapReport": "inventory.gap.result",
    "compare_alternatives": "inventory.gap.alternatives",
    "analyse_inventory": "inventory.api",
    "write_report": "inventory.api",
    "ReportInputs": "inventory.report",
    "ReportFiles": "inventory.report",
    "write_archimate": "inventory.export.run",
    "ArchimateExport": "inventory.export.run",
    "study_results": "inventory.study",
    "StudyResults": "inventory.study",
    "study_alternatives": "inventory.api",
    "StudyAlternatives": "inventory.api",
    "generate_inventories": "inventory.synth",
    "SynthOptions": "inventory.synth",
    "SynthResult": "inventory.synth",
    "Issue": "inventory.issues",
    "IssueCode": "inventory.issues",
    "IssueReport": "inventory.issues",
    "Severity": "inventory.issues",
    "InventoryError": "inventory.errors",
    "InvalidInputError": "inventory.issues",
    "InvalidStudyInput": "inventory.study",
    "StoreError": "inventory.errors",
    "NotFoundError": "inventory.errors",
    "UnknownMunicipalityError": "inventory.errors",
    "NothingStoredError": "inventory.errors",
    "TargetError": "inventory.errors",
    "StudyInputError": "inventory.errors",
    "RenderError": "inventory.errors",
    "OutputError": "inventory.errors",
}

__all__ = [
    "ArchimateExport",
    "FolderImport",
    "GapReport",
    "ImportBatch",
    "ImportResult",
    "InvalidInputError",
    "InvalidStudyInput",
    "InventoryError",
    "InventoryGraph",
    "InventorySnapshot",
    "InventoryStore",
    "Issue",
    "IssueCode",
    "IssueReport",
    "Normaliser",
    "NotFoundError",
    "NothingStoredError",
    "OutputError",
    "OverlapResult",
    "RenderError",
    "ReportFiles",
    "ReportInputs",
    "Severity",
    "StoreError",
    "StudyAlternatives",
    "StudyInputError",
    "StudyResults",
    "SynthOptions",
    "SynthResult",
    "TargetArchitecture",
    "TargetError",
    "UnknownMunicipalityError",
    "__version__",
    "analyse_inventory",
    "build_graph",
    "compare_alternatives",
    "compute_gap",
    "compute_overlap",
    "generate_inventories",
    "impact",
    "import_folders",
    "import_inventory",
    "load_snapshot",
    "open_store",
    "propose_target",
    "read_target",
    "study_alternatives",
    "study_results",
    "validate_folders",
    "validate_inventory",
    "write_archimate",
    "write_report",
]

if TYPE_CHECKING:
    from inventory.analyse.graph import (
        InventoryGraph,
        build_graph,
    )
    from inventory.analyse.impact import (
        impact,
    )
    from inventory.analyse.normalise import (
        Normaliser,
    )
    from inventory.analyse.overlap import (
        OverlapResult,
    )
    from inventory.api import (
        FolderImport,
        StudyAlternatives,
        analyse_inventory,
        compute_overlap,
        import_folders,
        import_inventory,
        load_snapshot,
        open_store,
        read_target,
        study_alternatives,
        validate_folders,
        validate_inventory,
        write_report,
    )
    from inventory.errors import (
        InventoryError,
        NotFoundError,
        NothingStoredError,
        OutputError,
        RenderError,
        StoreError,
        StudyInputError,
        TargetError,
        UnknownMunicipalityError,
    )
    from inventory.export.run import (
        ArchimateExport,
        write_archimate,
    )
    from inventory.gap.alternatives import (
        compare_alternatives,
    )
    from inventory.gap.result import (
        GapReport,
        compute_gap,
    )
    from inventory.issues import (
        InvalidInputError,
        Issue,
        IssueCode,
        IssueReport,
        Severity,
    )
    from inventory.report import (
        ReportFiles,
        ReportInputs,
    )
    from inventory.snapshot import (
        InventorySnapshot,
    )
    from inventory.store import (
        ImportResult,
        InventoryStore,
    )
    from inventory.study import (
        InvalidStudyInput,
        StudyResults,
        study_results,
    )
    from inventory.synth import (
        SynthOptions,
        SynthResult,
        generate_inventories,
    )
    from inventory.target.model import (
        TargetArchitecture,
    )
    from inventory.target.propose import (
        propose_target,
    )
    from inventory.validate.batch import (
        ImportBatch,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'inventory' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    """The API and the module's own dunder names (not its helpers: ``importlib``, ``Any``)."""
    return sorted({*_EXPORTS, "__version__", *(name for name in globals() if name[:2] == "__")})
