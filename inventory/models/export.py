"""What the models publish: JSON Schema files and empty CSV templates for technicians."""

from __future__ import annotations

import csv
import importlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventory.models.registry import RECORD_MODELS, field_specs, kind_for_file_stem, model_for
from inventory.output_files import NewFiles, make_folder, write_files_atomically

SCHEMA_SUFFIX = ".schema.json"

#: Modules that publish further schema files through ``schema_files() -> dict[str, str]``
#: (the target architecture, the decision-support inputs).
SCHEMA_PROVIDERS = ("inventory.target.model", "inventory.study.inputs", "inventory.read.profiles")


def record_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, as written to ``schemas/<kind>.schema.json``."""
    model = model_for(kind)
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}{SCHEMA_SUFFIX}"
    schema["x-file-names"] = list(model.file_names)
    schema["x-key"] = model.key_field
    return schema


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def generated_schemas() -> dict[str, str]:
    """Every schema file name (record kinds, then providers' files) mapped to its text."""
    files = {
        f"{m.kind_name}{SCHEMA_SUFFIX}": render_schema(record_schema(m.kind_name))
        for m in RECORD_MODELS
    }
    for module_name in SCHEMA_PROVIDERS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is not None and module_name.startswith(error.name):
                continue  # that part of the tool is not installed in this build
            raise
        files.update(module.schema_files())
    return files


@dataclass(frozen=True)
class SchemaDrift:
    """A schema file that differs from what the models generate (or is missing)."""

    file: str
    problem: str  # "missing", "stale"


def write_schemas(folder: Path) -> list[Path]:
    """Write every generated schema file to ``folder`` (they are outputs: regenerated whole,
    or not at all; :class:`~inventory.errors.OutputError` when the folder cannot be written).
    """
    make_folder(folder)
    return write_files_atomically(
        {folder / name: text.encode("utf-8") for name, text in generated_schemas().items()}
    )


def check_schemas(folder: Path) -> list[SchemaDrift]:
    """The schema files in ``folder`` that are missing or differ from the models."""
    drift = []
    for name, text in generated_schemas().items():
        path = folder / name
        if not path.exists():
            drift.append(SchemaDrift(name, "missing"))
        elif path.read_text(encoding="utf-8") != text:
            drift.append(SchemaDrift(name, "stale"))
    return drift


def _column_note(kind: str) -> list[list[str]]:
    rows = []
    for spec in field_specs(kind):
        allowed = ", ".join(str(m) for m in spec.enum) if spec.enum else ""
        refs = ", ".join(spec.references + spec.pseudo_references)
        rows.append(
            [
                spec.name,
                "yes" if spec.required else "no",
                spec.value_type + (f" ({spec.unit})" if spec.unit else ""),
                spec.description,
                allowed,
                refs,
                ", ".join(spec.aliases),
            ]
        )
    return rows


@dataclass(frozen=True)
class TemplateFiles:
    """What :func:`write_templates` did: the files it wrote and the existing ones it kept."""

    written: list[Path]
    kept: list[Path]


def _existing_files_by_kind(folder: Path) -> dict[str, list[Path]]:
    """The files in ``folder`` named after a record kind, in any language and format."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        kind = kind_for_file_stem(path.stem) if not path.is_dir() else None
        if kind is not None:
            found.setdefault(kind, []).append(path)
    return found


def _create(new: NewFiles, path: Path, text: str, kept: list[Path]) -> None:
    try:
        with new.file(path) as stream:
            stream.write(text.encode("utf-8"))
    except FileExistsError:
        kept.append(path)


def write_templates(folder: Path) -> TemplateFiles:
    """Write an empty CSV template per record kind and a description of every column.

    ``<kind>.csv`` holds the header row; ``README.md`` describes each column: required,
    type, allowed values, what it refers to and the Swedish/Norwegian header aliases.
    Nothing is ever overwritten: a record kind that already has a file in ``folder`` (under
    any of its names, ``servrar.xlsx`` as well as ``servers.csv``) keeps it and gets no
    template, and an existing ``README.md`` is kept; both are listed in ``kept``.
    Raises :class:`~inventory.errors.OutputError` when the folder cannot be written; the
    files written until then are removed again.
    """
    with NewFiles() as new:
        new.folder(folder)
        kept = _write_templates(new, folder)
    return TemplateFiles(written=new.files, kept=kept)


def _write_templates(new: NewFiles, folder: Path) -> list[Path]:
    existing = _existing_files_by_kind(folder)
    kept: list[Path] = []
    doc = [
        "# Inventory templates",
        "",
        "One folder per municipality, one file per record kind (CSV with , ; or tab, or"
        " XLSX). Headers may be written in English, Swedish or Norwegian (aliases below)."
        " A reference to another municipality's record is written `code:id`"
        " (e.g. `gnosjo:DC1`). Lists are separated by `,` `;` or `|`. Dates: ISO"
        " (2024-03-05) or dd.mm.yyyy. Decimal comma accepted. A header starting with"
        " `#` marks a note column that is kept out of the import.",
        "",
    ]
    for model in RECORD_MODELS:
        kind = model.kind_name
        path = folder / f"{model.file_names[0]}.csv"
        if kind in existing:
            kept += existing[kind]
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow([s.name for s in field_specs(kind)])
            _create(new, path, buffer.getvalue(), kept)
        doc += [
            f"## {path.name} ({kind})",
            "",
            model.summary,
            "",
            f"Also accepted as: {', '.join(n + '.csv' for n in model.file_names[1:])}.",
            "",
            "| column | required | type | description | allowed values | refers to | aliases |",
            "|---|---|---|---|---|---|---|",
        ]
        doc += [
            "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
            for row in _column_note(kind)
        ]
        doc.append("")
    _create(new, folder / "README.md", "\n".join(doc), kept)
    return kept
