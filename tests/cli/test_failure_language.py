"""Operational failures (``InventoryError``) in the command line's language.

An error carries its message and hint as catalogue messages (``error.wording``,
``error.hint_wording``) beside its English text (``str(error)``, unchanged); the command
line prints them in ``--lang``. The expected Swedish and Norwegian texts are written here
by hand; the English ones are what the command line printed before the catalogue
messages (captured from the previous commit).

``test_every_raise_site_passes_a_message`` walks the package: every construction of an
``InventoryError`` class passes a ``Message`` (or the class words its message itself),
except the sites listed in ``ENGLISH_ONLY``, so that a new English-only failure fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from inventory.cli import interruption
from inventory.cli.help_language import failure_texts
from inventory.errors import (
    NOTHING_STORED,
    NothingStoredError,
    TargetError,
    UnknownMunicipalityError,
)
from inventory.issues import InvalidInputError, Issue, IssueCode
from inventory.language.i18n import Lang, t
from inventory.snapshot import InventorySnapshot
from inventory.synth.generate import _existing_files_error
from inventory.target.model import TargetArchitecture
from tests.helpers import Outcome

Run = Callable[..., Outcome]
PACKAGE = Path(__file__).resolve().parents[2] / "inventory"
STORED = "gislaved, gnosjo, hylte, vaggeryd, varnamo"


def flat(text: str) -> str:
    """``text`` with every run of white space as one space (the console wraps lines)."""
    return " ".join(text.split())


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Error: Nothing is stored yet: run `inventory import FOLDER` first."),
        ("sv", "Fel: Inget är lagrat ännu: kör först `inventory import MAPP`."),
        ("no", "Feil: Ingenting er lagret ennå: kjør først `inventory import MAPPE`."),
    ],
)
def test_nothing_stored(inventory: Run, empty_db: str, lang: str, expected: str) -> None:
    outcome = inventory("--lang", lang, "--db", empty_db, "overlap")
    assert outcome.code == 1
    assert flat(outcome.stderr) == expected


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "Error: The folder of the database file does not exist: {path}",
            "Hint: Create the folder first or choose another --db path.",
        ),
        (
            "sv",
            "Fel: Databasfilens mapp finns inte: {path}",
            "Tips: Skapa mappen först eller välj en annan sökväg för --db.",
        ),
        (
            "no",
            "Feil: Mappen til databasefilen finnes ikke: {path}",
            "Tips: Opprett mappen først eller velg en annen sti for --db.",
        ),
    ],
)
def test_missing_database_folder(
    inventory: Run, tmp_path: Path, lang: str, message: str, hint: str
) -> None:
    path = tmp_path / "missing" / "inventory.db"
    outcome = inventory("--lang", lang, "--db", f"sqlite:///{path}", "stats")
    assert outcome.code == 1
    assert flat(outcome.stderr) == f"{message.format(path=path)} {hint}"
    assert not path.parent.exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Error: Invalid value for '--db' (env var: 'INVENTORY_DB'): Unsupported database"
            " 'foo' in 'foo://x': the store runs on SQLite or PostgreSQL. Write"
            " sqlite:///path/inventory.db (a file) or"
            " postgresql+psycopg://user:password@host:5432/dbname.",
        ),
        (
            "sv",
            "Databasen 'foo' i 'foo://x' stöds inte: lagringen körs på SQLite eller"
            " PostgreSQL. Skriv sqlite:///sökväg/inventory.db (en fil) eller"
            " postgresql+psycopg://användare:lösenord@värd:5432/databasnamn.",
        ),
        (
            "no",
            "Databasen 'foo' i 'foo://x' støttes ikke: lagringen kjører på SQLite eller"
            " PostgreSQL. Skriv sqlite:///sti/inventory.db (en fil) eller"
            " postgresql+psycopg://bruker:passord@vert:5432/databasenavn.",
        ),
    ],
)
def test_unsupported_database_url(inventory: Run, lang: str, expected: str) -> None:
    outcome = inventory("--lang", lang, "--db", "foo://x", "stats")
    assert outcome.code == 2
    assert expected in flat(outcome.stderr)
    assert ("Unsupported" in outcome.stderr) == (lang == "en")
    variable = {"en": "env var", "sv": "miljövariabel", "no": "miljøvariabel"}[lang]
    assert f"'--db' ({variable}: 'INVENTORY_DB'):" in flat(outcome.stderr)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Port 99999 in the database URL 'postgresql+psycopg://u@h:99999/x' is not"),
        ("sv", "Porten 99999 i databas-URL:en 'postgresql+psycopg://u@h:99999/x' ligger inte"),
        ("no", "Porten 99999 i database-URL-en 'postgresql+psycopg://u@h:99999/x' er ikke"),
    ],
)
def test_bad_port_in_database_url(inventory: Run, lang: str, expected: str) -> None:
    outcome = inventory("--lang", lang, "--db", "postgresql+psycopg://u@h:99999/x", "stats")
    assert outcome.code == 2
    assert expected in flat(outcome.stderr)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            f"Error: Invalid value: No stored municipality 'ZZZ'. Stored: {STORED}.",
        ),
        ("sv", f"Fel: Ogiltigt värde: Ingen lagrad kommun 'ZZZ'. Lagrade: {STORED}."),
        ("no", f"Feil: Ugyldig verdi: Ingen lagret kommune 'ZZZ'. Lagret: {STORED}."),
    ],
)
@pytest.mark.parametrize("command", ["overlap", "history"])
def test_unknown_municipality(
    inventory: Run, samples_db: str, command: str, lang: str, expected: str
) -> None:
    outcome = inventory("--lang", lang, "--db", samples_db, command, "-m", "ZZZ")
    assert outcome.code == 2
    assert flat(outcome.stderr) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Error: Invalid value: No node 'nosuchnode' in the inventory graph. Did you mean:",
        ),
        ("sv", "Fel: Ogiltigt värde: Ingen nod 'nosuchnode' i inventeringens graf. Menade du:"),
        ("no", "Feil: Ugyldig verdi: Ingen node 'nosuchnode' i kartleggingens graf. Mente du:"),
    ],
)
def test_unknown_node_in_impact(inventory: Run, samples_db: str, lang: str, expected: str) -> None:
    outcome = inventory("--lang", lang, "--db", samples_db, "impact", "nosuchnode")
    assert outcome.code == 2
    assert flat(outcome.stderr).startswith(expected)
    assert flat(outcome.stderr).endswith("?")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Error: Invalid value: There is no import run 98."
            " List the runs with: inventory history",
        ),
        (
            "sv",
            "Fel: Ogiltigt värde: Det finns ingen importkörning 98."
            " Lista körningarna med: inventory history",
        ),
        (
            "no",
            "Feil: Ugyldig verdi: Det finnes ingen importkjøring 98."
            " List kjøringene med: inventory history",
        ),
    ],
)
def test_unknown_run_in_diff(inventory: Run, samples_db: str, lang: str, expected: str) -> None:
    outcome = inventory("--lang", lang, "--db", samples_db, "diff", "98", "99")
    assert outcome.code == 2
    assert flat(outcome.stderr) == expected


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "Error: Cannot write {folder}:",
            "Hint: A file is in the way where a folder is needed: choose another output path.",
        ),
        (
            "sv",
            "Fel: Kan inte skriva {folder}:",
            "Tips: En fil ligger där en mapp behövs: välj en annan utdatasökväg.",
        ),
        (
            "no",
            "Feil: Kan ikke skrive {folder}:",
            "Tips: En fil ligger der det trengs en mappe: velg en annen utdatasti.",
        ),
    ],
)
def test_unwritable_out(
    inventory: Run, samples_db: str, tmp_path: Path, lang: str, message: str, hint: str
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("kept")
    outcome = inventory(
        "--lang", lang, "--db", samples_db, "graph", "--out", str(in_the_way / "graph.json")
    )
    assert outcome.code == 1
    text = flat(outcome.stderr)
    assert text.startswith(message.format(folder=in_the_way))
    assert text.endswith(hint)
    assert in_the_way.read_text() == "kept"
    assert sorted(tmp_path.iterdir()) == [in_the_way]


# --- the texts themselves -----------------------------------------------------------------


def test_english_texts_are_the_catalogues() -> None:
    """The messages ``errors`` words itself carry the catalogue's English."""
    assert t("error.nothing_stored", "en") == NOTHING_STORED == str(NothingStoredError())
    error = UnknownMunicipalityError(["x", "y"], ["a", "b"])
    assert str(error) == "No stored municipality 'x', 'y'."
    assert error.hint == "Stored: a, b."
    assert failure_texts(error, "en") == (str(error), error.hint)
    assert failure_texts(error, "sv") == ("Ingen lagrad kommun 'x', 'y'.", "Lagrade: a, b.")
    assert failure_texts(UnknownMunicipalityError(["x"], []), "no") == (
        "Ingen lagret kommune 'x'.",
        "Ingenting er lagret ennå: kjør først `inventory import MAPPE`.",
    )


def test_invalid_input_in_every_language() -> None:
    issue = Issue(code=IssueCode.MISSING_COLUMN, file="servrar.csv", line=1, message="x")
    error = InvalidInputError([issue, issue], "The inventory")
    assert str(error) == "The inventory is invalid (2 errors)."
    assert error.hint == "Fix the issues listed (file:line) and run again."
    assert failure_texts(error, "sv") == (
        "Inventeringen innehåller 2 fel.",
        "Åtgärda problemen i listan (fil:rad) och kör igen.",
    )
    assert failure_texts(error, "no") == (
        "Kartleggingen inneholder 2 feil.",
        "Rett problemene i listen (fil:linje) og kjør igjen.",
    )
    one = InvalidInputError([issue], "samples/target.yaml")
    assert str(one) == "samples/target.yaml is invalid (1 error)."
    assert failure_texts(one, "sv")[0] == "samples/target.yaml innehåller 1 fel."


def test_interruption_lines() -> None:
    try:
        interruption.reset("sv")
        assert interruption.message() == "Avbrutet."
        interruption.note(interruption.NOTHING_WRITTEN)
        assert interruption.message() == "Avbrutet: ingenting skrevs."
        assert interruption.message("no") == "Avbrutt: ingenting ble skrevet."
        interruption.note("Avbrutet efter att importen lagrades (körning 3).")
        assert interruption.message("en") == "Avbrutet efter att importen lagrades (körning 3)."
    finally:
        interruption.reset("en")
    assert interruption.message() == "Interrupted."
    assert interruption.starting_line("en") == interruption.STARTING_EN
    assert interruption.STARTING_EN.decode() == t(interruption.NOTHING_WRITTEN, "en") + "\n"
    assert interruption.starting_line("no") == b"Avbrutt: ingenting ble skrevet.\n"
    assert interruption.starting_line(interruption.early_lang(["--lang=sv"], {})) == (
        b"Avbrutet: ingenting skrevs.\n"
    )


# --- every raise site -----------------------------------------------------------------------

#: Classes that word their message from their fields (their constructions pass data).
WORDED_BY_CLASS = {
    "UnknownMunicipalityError",
    "NothingStoredError",
    "InvalidInputError",
    "AliasFileError",
    "LifecycleOverridesError",
    "InvalidStudyInput",
    "InvalidModelError",
}

#: Constructions still worded in English only: (file, class, start of the message) -> why.
#: Empty: every failure, the guards against bugs and the checks of the data shipped in the
#: package included, is a catalogue message. Never add an entry.
ENGLISH_ONLY: dict[tuple[str, str, str], str] = {}


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    names = {"InventoryError"}
    grown = True
    while grown:
        grown = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


#: Calls whose result is a catalogue message (``say``, ``t``: a text in the reader's
#: language already); :func:`english_only_sites` adds the package's functions annotated
#: ``-> Message`` (``yaml_problem(...)``).
MESSAGE_CALLS = {"Message", "Said", "say", "t"}


def _message_functions(trees: dict[Path, ast.Module]) -> set[str]:
    """The package's functions that return a ``Message`` (by their annotation)."""
    return {
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.returns is not None
        and ast.unparse(node.returns) in {"Message", "Said"}
    }


def _is_message(node: ast.expr | None, messages: set[str], calls: set[str] = MESSAGE_CALLS) -> bool:
    """A ``Message(...)`` / ``Said(...)`` call (or a call of a function returning one), a
    name bound to one, or a choice of them."""
    if isinstance(node, ast.Call):
        called = getattr(node.func, "id", getattr(node.func, "attr", None))
        return called in calls or (ast.unparse(node) == "interruption.message()")
    if isinstance(node, ast.Name):
        return node.id in messages
    if isinstance(node, ast.IfExp):
        return _is_message(node.body, messages, calls) and _is_message(node.orelse, messages, calls)
    return False


def _message_names(tree: ast.Module) -> set[str]:
    """Names assigned a ``Message(...)`` anywhere in the module (``failed = Message(...)``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and _is_message(node.value, set()):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


def english_only_sites() -> dict[tuple[str, str, str], int]:
    """Every construction of an ``InventoryError`` class in ``inventory/`` whose message is
    not a catalogue message: (file, class, start of the message) -> line."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}
    classes = _error_classes(trees)
    calls = MESSAGE_CALLS | _message_functions(trees)
    found: dict[tuple[str, str, str], int] = {}
    for path, tree in trees.items():
        messages = _message_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in classes or name in WORDED_BY_CLASS:
                continue
            first = node.args[0] if node.args else None
            first = next((k.value for k in node.keywords if k.arg == "message"), first)
            if first is None and name in {"NothingStoredError"}:
                continue
            if not _is_message(first, messages, calls):
                shown = ast.unparse(first)[:40] if first is not None else ""
                site = (str(path.relative_to(PACKAGE.parent)), name, shown)
                found[site] = node.lineno
    return found


def test_every_raise_site_passes_a_message() -> None:
    assert not ENGLISH_ONLY  # every site has its message: none may be English only
    found = english_only_sites()
    new = {site: line for site, line in found.items() if site not in ENGLISH_ONLY}
    assert not new, "failures worded in English only (give them a Message): " + "; ".join(
        f"{file}:{line} {name}({shown}...)" for (file, name, shown), line in new.items()
    )
    gone = set(ENGLISH_ONLY) - set(found)
    assert not gone, f"no longer English-only: remove from ENGLISH_ONLY: {sorted(gone)}"


def test_target_naming_unstored_municipalities(sample_target: TargetArchitecture) -> None:
    with pytest.raises(TargetError) as raised:
        sample_target.check_stored(["gnosjo", "hylte", "vaggeryd", "varnamo"])
    error = raised.value
    assert str(error) == (
        "The target names municipalities that are not stored: 'gislaved' (in municipalities)."
    )
    assert error.hint == (
        "Stored: gnosjo, hylte, vaggeryd, varnamo. Import them first (inventory import"
        " FOLDER), or correct the target file."
    )
    assert failure_texts(error, "sv") == (
        "Målarkitekturen anger kommuner som inte är lagrade: 'gislaved' (i municipalities).",
        "Lagrade: gnosjo, hylte, vaggeryd, varnamo. Importera dem först (inventory import"
        " MAPP), eller rätta målfilen.",
    )
    with pytest.raises(TargetError) as raised:
        sample_target.check_stored([])
    assert failure_texts(raised.value, "no")[1] == (
        "Importer dem først (inventory import MAPPE), eller rett målfilen."
    )


def test_synth_output_in_the_way() -> None:
    error = _existing_files_error(Path("out"), [Path(f"f{i}.csv") for i in range(7)])
    assert str(error) == (
        "out already holds files where synth writes: f0.csv, f1.csv, f2.csv, f3.csv, f4.csv"
        " and 2 more; nothing was written."
    )
    assert failure_texts(error, "no")[0] == (
        "out inneholder allerede filer der synth skriver: f0.csv, f1.csv, f2.csv, f3.csv,"
        " f4.csv og 2 til; ingenting ble skrevet."
    )
    assert failure_texts(_existing_files_error(Path("o"), [Path("a")]), "sv")[0] == (
        "o innehåller redan filer där synth skriver: a; inget skrevs."
    )


# --- the demo, a study alternative's target, the diagram views, the ArchiMate check --------

SAMPLES = PACKAGE.parent / "samples"


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "Error: {database} exists and is not a database the demo wrote: it is left as it is.",
            "Hint: Run the demo with --out pointing at another folder, or move the file.",
        ),
        (
            "sv",
            "Fel: {database} finns redan och är inte en databas som demon har skrivit: den"
            " lämnas orörd.",
            "Tips: Kör demon med --out mot en annan mapp, eller flytta filen.",
        ),
        (
            "no",
            "Feil: {database} finnes allerede og er ikke en database som demoen har skrevet:"
            " den blir stående urørt.",
            "Tips: Kjør demoen med --out mot en annen mappe, eller flytt filen.",
        ),
    ],
)
def test_demo_database_in_the_way(
    inventory: Run, tmp_path: Path, lang: str, message: str, hint: str
) -> None:
    notes = tmp_path / "demo.db"
    notes.write_bytes(b"somebody's notes, not a database")
    outcome = inventory("--lang", lang, "demo", "--out", str(tmp_path))
    assert outcome.code == 1
    assert flat(outcome.stderr) == flat(message.format(database=notes) + " " + hint)
    assert notes.read_bytes() == b"somebody's notes, not a database"
    assert sorted(tmp_path.iterdir()) == [notes]


def test_demo_without_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed without a checkout, run from a folder without ``samples/``."""
    import inventory
    from inventory.demo import SamplesNotFoundError, find_samples

    monkeypatch.setattr(inventory, "__file__", str(tmp_path / "site" / "inventory" / "x.py"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SamplesNotFoundError) as raised:
        find_samples()
    error = raised.value
    assert (str(error), error.hint) == (
        "cannot find the bundled samples/ folder",
        "run the demo from a checkout of the repository (where samples/ is)",
    )
    assert failure_texts(error, "sv") == (
        "hittar inte den medföljande mappen samples/",
        "kör demon från en klon av projektets Git-förråd (där samples/ finns)",
    )
    assert failure_texts(error, "no") == (
        "finner ikke den medfølgende mappen samples/",
        "kjør demoen fra en klone av prosjektets Git-repo (der samples/ ligger)",
    )


@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "Error: {file}: The target names municipalities that are not stored: 'jonkoping'"
            " (in municipalities).",
            f"Hint: Stored: {STORED}. Import them first (inventory import FOLDER), or correct"
            " the target file.",
        ),
        (
            "sv",
            "Fel: {file}: Målarkitekturen anger kommuner som inte är lagrade: 'jonkoping'"
            " (i municipalities).",
            f"Tips: Lagrade: {STORED}. Importera dem först (inventory import MAPP), eller"
            " rätta målfilen.",
        ),
        (
            "no",
            "Feil: {file}: Målarkitekturen angir kommuner som ikke er lagret: 'jonkoping'"
            " (i municipalities).",
            f"Tips: Lagret: {STORED}. Importer dem først (inventory import MAPPE), eller"
            " rett målfilen.",
        ),
    ],
)
def test_study_alternative_naming_an_unstored_municipality(
    inventory: Run, samples_db: str, tmp_path: Path, lang: str, message: str, hint: str
) -> None:
    text = (SAMPLES / "target.yaml").read_text(encoding="utf-8")
    assert "municipalities: [gislaved," in text
    other = tmp_path / "other.yaml"
    other.write_text(
        text.replace("municipalities: [gislaved,", "municipalities: [jonkoping, gislaved,"),
        encoding="utf-8",
    )
    outcome = inventory(
        "--lang", lang, "--db", samples_db, "gap",
        "--target", str(SAMPLES / "target.yaml"), "--target", str(other),
    )  # fmt: skip
    assert outcome.code == 1, outcome.text
    assert flat(outcome.stderr) == flat(message.format(file=other) + " " + hint)


def test_view_inputs_in_every_language(sample_snapshot: InventorySnapshot) -> None:
    """``inventory diagram`` checks these first; a caller of ``build_views`` meets them."""
    from inventory.render.views import ViewInputError, build_views

    with pytest.raises(ViewInputError) as raised:
        build_views("architecture", sample_snapshot, municipality="habo")
    error = raised.value
    assert (str(error), error.hint) == (
        "no municipality 'habo' in the inventory",
        f"use one of: {STORED}",
    )
    assert failure_texts(error, "sv") == (
        "ingen kommun 'habo' i inventeringen",
        f"använd någon av: {STORED}",
    )
    assert failure_texts(error, "no") == (
        "ingen kommune 'habo' i kartleggingen",
        f"bruk en av: {STORED}",
    )
    with pytest.raises(ViewInputError) as raised:
        build_views("target", sample_snapshot)
    assert (str(raised.value), raised.value.hint) == (
        "the target view needs a target architecture",
        "pass --target FILE (e.g. samples/target.yaml)",
    )
    assert failure_texts(raised.value, "no") == (
        "visningen target (målbilde) trenger en målarkitektur",
        "oppgi --target FIL (f.eks. samples/target.yaml)",
    )
    with pytest.raises(ViewInputError) as raised:
        build_views("overlap", sample_snapshot)
    assert str(raised.value) == "the overlap view needs the overlap analysis"
    assert (
        failure_texts(raised.value, "sv")[0] == "vyn overlap (överlapp) behöver överlappsanalysen"
    )


def test_invalid_archimate_model_in_every_language() -> None:
    from inventory.export.run import InvalidModelError

    error = InvalidModelError(["element 'x': missing name", "another"])
    assert str(error) == (
        "The ArchiMate model does not validate against the exchange format's schemas:"
        " element 'x': missing name"
    )
    assert error.hint == "Please report this with the command you ran."
    assert failure_texts(error, "sv") == (
        "ArchiMate-modellen validerar inte mot utbytesformatets scheman: element 'x': missing name",
        "Rapportera gärna felet tillsammans med kommandot du körde.",
    )


# --- the sites that were English only: Graphviz, shipped data, guards --------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "sv",
            "Fel: kan inte rita diagram: Graphviz-programmet 'dot' hittades inte Tips: installera"
            " Graphviz så att programmet 'dot' finns i PATH (Debian/Ubuntu: apt install graphviz;"
            " macOS: brew install graphviz; Windows: winget install graphviz), eller skriv"
            " --format dot",
        ),
        (
            "no",
            "Feil: kan ikke tegne diagrammer: Graphviz-programmet 'dot' ble ikke funnet Tips:"
            " installer Graphviz slik at programmet 'dot' finnes i PATH (Debian/Ubuntu: apt"
            " install graphviz; macOS: brew install graphviz; Windows: winget install graphviz),"
            " eller skriv --format dot",
        ),
    ],
)
def test_graphviz_not_installed(
    inventory: Run,
    samples_db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    expected: str,
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-graphviz-here"))  # as on a machine without it
    out = tmp_path / "out"
    out.mkdir()
    outcome = inventory(
        "--lang", lang, "--db", samples_db, "diagram", "architecture", "--out", str(out / "a.svg")
    )
    assert outcome.code == 1
    assert flat(outcome.stderr) == expected
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("lang", "message", "quoted", "hint"),
    [
        (
            "sv",
            "diagrammet diagrams/a.svg: Graphviz kunde inte rita diagrammet: dot avslutades med"
            ' slutstatus 1 och skrev: "Error: <stdin>: syntax error in line 1',
            "(Graphviz eget meddelande, på engelska)",
            "Kontrollera att Graphviz fungerar (dot -V). Gör det det är detta ett fel i"
            " inventory: skriv diagrammet med --format dot och rapportera felet tillsammans med"
            " den filen.",
        ),
        (
            "no",
            "diagrammet diagrams/a.svg: Graphviz kunne ikke tegne diagrammet: dot avsluttet med"
            ' avslutningsstatus 1 og skrev: "Error: <stdin>: syntax error in line 1',
            "(Graphviz' egen melding, på engelsk)",
            "Kontroller at Graphviz virker (dot -V). Gjør det det, er dette en feil i inventory:"
            " skriv diagrammet med --format dot og meld feilen sammen med den filen.",
        ),
    ],
)
def test_dot_failing_says_its_status_and_quotes_dot(
    lang: Lang, message: str, quoted: str, hint: str
) -> None:
    from inventory.errors import RenderError
    from inventory.render.dot import ParallelRenderer

    with ParallelRenderer(1) as renderer, pytest.raises(RenderError) as raised:
        renderer.result(renderer.submit("digraph { a -> }", "svg"), "diagrams/a.svg")
    text, said_hint = failure_texts(raised.value, lang)
    assert text.startswith(message) and text.endswith(quoted), text
    assert said_hint == hint


def test_dot_stopped_by_a_signal() -> None:
    from inventory.render.dot import dot_failure

    stopped = dot_failure(-9, b"")
    assert str(stopped) == (
        "Graphviz could not draw the diagram: dot was stopped by signal 9 and wrote: nothing"
    )
    assert failure_texts(stopped, "sv")[0] == (
        "Graphviz kunde inte rita diagrammet: dot stoppades av signal 9 och skrev: ingenting"
    )
    assert failure_texts(stopped, "no")[1] == (
        "Systemet stoppet dot (tomt for minne eller en tidsgrense): tegn et mindre diagram"
        " (færre kommuner), eller frigjør minne og prøv igjen."
    )


def test_shipped_data_files_that_do_not_read() -> None:
    from inventory.analyse.business_catalogue import (
        BusinessCatalogueError,
        parse_business_catalogue,
    )
    from inventory.analyse.vendors import VendorFileError, parse_vendor_text
    from inventory.gap.scope import StudyAreaMapError, parse_area_map

    with pytest.raises(VendorFileError) as vendors:
        parse_vendor_text(
            "vendors:\n  - {id: acme, title: Acme}\n  - {id: acme, title: Again, parent: x}\n",
            "vendors.yaml",
        )
    assert failure_texts(vendors.value, "sv") == (
        "ogiltig leverantörsfil:\n  vendors.yaml:3: leverantörs-id 'acme' står två gånger\n"
        "  vendors.yaml:3: acme: okänt leverantörs-id 'x'",
        "Filen följer med inventory: installera om paketet, eller rapportera felet"
        " tillsammans med kommandot du körde.",
    )
    with pytest.raises(BusinessCatalogueError) as business:
        parse_business_catalogue(
            "systems: [a, b\nx: 1\n", "business.yaml", known_vendors=frozenset()
        )
    assert failure_texts(business.value, "no")[0] == (
        "business.yaml:2: ugyldig YAML: ventet ',' eller ']': en parentes lukkes ikke"
    )
    with pytest.raises(StudyAreaMapError) as areas:
        parse_area_map("domains: [", "study_areas.yaml")
    assert failure_texts(areas.value, "sv")[0].startswith(
        "study_areas.yaml är ogiltig: tolken säger (på engelska): "
    )
    assert failure_texts(areas.value, "no")[1] == "Rett filen; områdene er A1–A4 og B–I."


def test_guards_against_bugs_in_every_language(tmp_path: Path) -> None:
    from inventory.errors import RenderError
    from inventory.language.i18n import parse_lang
    from inventory.render.paths import path_inside
    from inventory.render.svg import sanitise_svg

    with pytest.raises(RenderError) as raised:
        parse_lang("de")
    assert failure_texts(raised.value, "sv") == (
        "okänt rapportspråk 'de'",
        "använd ett av: en, sv, no",
    )
    with pytest.raises(RenderError) as raised:
        t("no.such.key", "no")
    assert failure_texts(raised.value, "no") == (
        "ingen oversettelse for etiketten 'no.such.key'",
        "Rapporter gjerne feilen sammen med kommandoen du kjørte.",
    )
    (tmp_path / "out").symlink_to("/")
    with pytest.raises(RenderError) as raised:
        path_inside(tmp_path, "out/x.svg")
    assert failure_texts(raised.value, "sv") == (
        f"skriver inte 'out/x.svg': sökvägen leder till /x.svg, utanför {tmp_path.resolve()}",
        "ta bort den symboliska länken eller välj en annan utdatamapp",
    )
    for svg, expected in [
        ('<!DOCTYPE s [<!ENTITY a "b">]><svg/>', "tar ikke imot SVG som deklarerer XML-entiteter"),
        ("<html/>", "ikke et SVG-dokument: rotelementet er ikke <svg>"),
        ("<svg", "SVG-en er ikke velformet: tolkeren sier (på engelsk): "),
    ]:
        with pytest.raises(RenderError) as raised:
            sanitise_svg(svg)
        assert failure_texts(raised.value, "no")[0].startswith(expected)
