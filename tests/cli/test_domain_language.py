"""Texts the analyses word (propose-target's reasoning, normalise's notes, risk labels,
study quarters) reach the reader in the reader's language, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app


def _propose(db: str, lang: str, tmp_path: Path) -> str:
    result = CliRunner().invoke(
        app,
        ["--db", db, "--lang", lang, "propose-target", "--date", "2026-12-01"],
        env={"COLUMNS": "400"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "sv",
            [
                "minst migreringsinsats",
                "används av",
                "kommuner på",
                "livscykel",
                "alternativ:",
                "flest användare",
            ],
        ),
        (
            "no",
            [
                "minst migreringsinnsats",
                "brukes av",
                "kommuner på",
                "livssyklus",
                "alternativer:",
                "flest brukere",
            ],
        ),
    ],
)
def test_propose_target_reasoning_in_the_language(
    samples_db: str, tmp_path: Path, lang: str, words: list[str]
) -> None:
    printed = _propose(samples_db, lang, tmp_path)
    for word in words:
        assert word in printed, word
    for english in (
        "least migration effort",
        "used by",
        "municipalities on",
        "lifecycle ",
        "alternatives:",
        "no alternative in use",
        "most users",
        "replaces",
        "oldest cycle in use",
        "newest cycle in use",
        "supported through",
    ):
        assert english not in printed, english


def test_propose_target_reasoning_in_english(samples_db: str, tmp_path: Path) -> None:
    printed = _propose(samples_db, "en", tmp_path)
    for word in ("least migration effort", "municipalities on", "alternatives:", "most users"):
        assert word in printed, word


STUDY = Path(__file__).resolve().parents[2] / "samples" / "study"


@pytest.mark.parametrize(
    ("lang", "first"), [("en", "Q1 2009"), ("sv", "kv. 1 2009"), ("no", "1. kv. 2009")]
)
def test_study_quarters_in_the_language(lang: str, first: str) -> None:
    # samples/study/establishment-plan.csv: sub-project 15.1 starts "1. kv -2009"
    result = CliRunner().invoke(
        app,
        ["--lang", lang, "study", "all", str(STUDY)],
        env={"COLUMNS": "300"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert first in result.stdout
    assert "2009Q1" not in result.stdout


def _six_hosts(folder: Path) -> Path:
    """Six ESXi 6.7 hosts in one cluster (past their end of life) carrying a VM with an
    application: one risk row naming four hosts and "+2 more"."""
    inventory = folder / "testby"
    inventory.mkdir()
    servers = ["id,hostname,kind,site,cluster,host,role,os_product,os_version"]
    servers += [
        f"esx0{n},ESX0{n},physical,DC1,cl1,,hypervisor,VMware ESXi,6.7 U3" for n in range(1, 7)
    ]
    servers.append("vm01,VM01,virtual,DC1,cl1,,application,Windows Server,2022")
    files = {
        "municipality.csv": "code,name,country,population,employees\n"
        "testby,Testby kommun,SE,10000,800\n",
        "sites.csv": "id,name,kind\nDC1,Datacentre,datacentre\n",
        "servers.csv": "\n".join(servers) + "\n",
        "applications.csv": "id,name,vendor,product,business_area,deployment,depends_on,"
        "users,criticality\n"
        "app01,System 01,Vendor,Product 01,finance,on_prem,vm01,400,"
        "critical\n",
    }
    for name, text in files.items():
        (inventory / name).write_text(text, encoding="utf-8")
    target = folder / "target.yaml"
    target.write_text(
        "name: test\nlifecycle: {horizon_months: 12}\ncapabilities:\n  hypervisor:\n"
        "    products: [{product: VMware vSphere, vendor: VMware, min_version: '8.0'}]\n"
        "server_os: [{product: Windows Server, vendor: Microsoft, min_version: '2022'}]\n",
        encoding="utf-8",
    )
    return inventory


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "testby: esx01, esx02, esx03, esx04 +2 more"),
        ("sv", "testby: esx01, esx02, esx03, esx04 +2 till"),
        ("no", "testby: esx01, esx02, esx03, esx04 +2 til"),
    ],
)
def test_gap_risk_label_in_the_language(tmp_path: Path, lang: str, label: str) -> None:
    folder = _six_hosts(tmp_path)
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    imported = CliRunner().invoke(app, ["--db", db, "import", str(folder)], catch_exceptions=False)
    assert imported.exit_code == 0, imported.output
    result = CliRunner().invoke(
        app,
        [
            "--db",
            db,
            "--lang",
            lang,
            "gap",
            "--target",
            str(tmp_path / "target.yaml"),
            "--date",
            "2026-12-01",
        ],
        env={"COLUMNS": "400"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert label in result.stdout
    if lang != "en":
        assert " more" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "exact"), [("sv", "(rhel, exakt)"), ("no", "(rhel, eksakt)"), ("en", "(rhel, exact)")]
)
def test_normalise_match_method_in_the_language(samples_db: str, lang: str, exact: str) -> None:
    # hylte's servers run Red Hat Enterprise Linux, written as the catalogue names it
    result = CliRunner().invoke(
        app,
        ["--db", samples_db, "--lang", lang, "normalise", "-m", "hylte", "--all"],
        env={"COLUMNS": "400"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert exact in result.stdout
    if lang != "en":
        assert "exact)" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ["Export av enheter från Microsoft Intune (CSV)", "Maskinvaruinventering"]),
        ("no", ["Eksport av enheter fra Microsoft Intune (CSV)", "Maskinvarekartlegging"]),
    ],
)
def test_mapping_list_descriptions_in_the_language(lang: str, words: list[str]) -> None:
    result = CliRunner().invoke(
        app, ["--lang", lang, "mapping", "list"], env={"COLUMNS": "300"}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.stdout, word
    assert "device export" not in result.stdout and "hardware inventory" not in result.stdout


def test_mapping_list_in_english_is_each_profiles_own_description() -> None:
    # every built-in profile has its texts, and the English one is the profile file's own
    from inventory.language.i18n import translations
    from inventory.read.profiles import builtin_profiles

    result = CliRunner().invoke(
        app, ["--lang", "en", "mapping", "list"], env={"COLUMNS": "300"}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for profile in builtin_profiles():
        assert f"{profile.name:<12} {profile.description}" in lines, profile.name
        texts = translations(f"cli.mapping.profile.{profile.name}")
        assert all(texts.values()) and texts["en"] == profile.description, profile.name
