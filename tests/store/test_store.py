"""InventoryStore on SQLite and PostgreSQL: upsert, prune, dry run, provenance, reads."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from inventory.errors import StoreError
from inventory.issues import Issue, IssueCode
from inventory.store import InventoryStore
from tests.helpers import dump_tables, make_batch, sample_rows


def test_first_import_stores_every_record_with_its_values(db_url: str) -> None:
    batch = make_batch({"gnosjo": sample_rows()})
    with InventoryStore(db_url) as store:
        result = store.import_batch(batch)
    assert result.run_id is not None
    counts = result.to_json()["municipalities"]["gnosjo"]
    assert counts["client"] == {"created": 20, "updated": 0, "unchanged": 0, "deleted": 0}
    assert counts["server"]["created"] == 2
    assert counts["municipality"]["created"] == 1

    with InventoryStore(db_url) as reopened:
        servers = reopened.records("server")
        sites = reopened.records("site")
        zones = reopened.records("zone")
        clients = reopened.records("client", ["gnosjo"])
    assert list(servers.columns[:3]) == ["municipality", "id", "hostname"]
    esx = servers.set_index("id").loc["esx01"]
    assert esx["cluster"] == "CL1"
    assert esx["cpu_cores"] == 32
    assert servers["cpu_cores"].dtype == "Int64"
    assert servers["ram_gb"].dtype == "Float64"
    assert esx["purchase_date"] == dt.date(2019, 5, 1)
    assert (
        sites.set_index("id").loc["DC1", "ups"] is True
        or bool(sites.set_index("id").loc["DC1", "ups"]) is True
    )
    assert sites["ups"].dtype == "boolean"
    assert "0480" in set(sites["id"])  # identifiers keep leading zeros
    assert zones.loc[0, "vlans"] == (10, 20)
    assert zones.loc[0, "sites"] == ("0480",)
    assert len(clients) == 20
    assert clients["quantity"].isna().sum() == 10


def test_reimporting_the_same_files_changes_nothing(db_url: str) -> None:
    batch = make_batch({"gnosjo": sample_rows(), "hylte": sample_rows()})
    with InventoryStore(db_url) as store:
        store.import_batch(batch)
        before = dump_tables(db_url)
        again = store.import_batch(make_batch({"gnosjo": sample_rows(), "hylte": sample_rows()}))
    totals = again.totals
    assert (totals.created, totals.updated, totals.deleted) == (0, 0, 0)
    assert totals.unchanged == 2 * (1 + 2 + 2 + 1 + 20)
    after = dump_tables(db_url)
    for name, rows in before.items():
        if name not in ("import_run", "import_file"):
            assert after[name] == rows, name


def test_changed_record_is_updated_and_keeps_its_provenance(db_url: str) -> None:
    rows = sample_rows()
    with InventoryStore(db_url) as store:
        first = store.import_batch(make_batch({"gnosjo": rows}))
        rows["server"][1]["os_version"] = "2022"
        rows["server"][1]["cpu_cores"] = 8
        second = store.import_batch(make_batch({"gnosjo": rows}))
    assert second.to_json()["municipalities"]["gnosjo"]["server"] == {
        "created": 0,
        "updated": 1,
        "unchanged": 1,
        "deleted": 0,
    }
    engine = create_engine(db_url)
    with engine.connect() as connection:
        stored = connection.execute(
            text(
                "SELECT s.os_version, s.cpu_cores, s.import_run_id, s.source_line, f.path,"
                " f.sha256,"
                " f.encoding, f.delimiter, f.header_mapping, r.tool_version, r.started_at"
                " FROM server s JOIN import_file f ON f.id = s.import_file_id"
                " JOIN import_run r ON r.id = s.import_run_id WHERE s.id = 'srv-ad01'"
            )
        ).one()
        unchanged_run = connection.execute(
            text("SELECT import_run_id FROM server WHERE id = 'esx01'")
        ).scalar()
    engine.dispose()
    assert stored[0] == "2022" and stored[1] == 8
    assert stored[2] == second.run_id
    assert stored[3] == 3  # the physical line of the row in its file
    assert stored[4].endswith("gnosjo/server.csv")
    assert len(stored[5]) == 64 and stored[6] == "utf-8" and stored[7] == ";"
    assert json.loads(stored[8])["OS_VERSION"] == "os_version"
    assert stored[9] and stored[10] is not None
    assert unchanged_run == first.run_id  # values unchanged: provenance of the first import


def test_prune_deletes_only_when_asked_and_says_what_goes_first(db_url: str) -> None:
    rows = sample_rows()
    with InventoryStore(db_url) as store:
        store.import_batch(make_batch({"gnosjo": rows, "hylte": sample_rows()}))
        rows["client"] = rows["client"][:15]
        kept = store.import_batch(make_batch({"gnosjo": rows}))
        assert kept.totals.deleted == 0
        assert len(store.records("client", ["gnosjo"])) == 20

        planned: list[dict[str, dict[str, list[str]]]] = []
        pruned = store.import_batch(
            make_batch({"gnosjo": rows}), prune=True, on_prune=planned.append
        )
    gone = [f"CB-{n:03d}" for n in range(15, 20)]
    assert planned == [{"gnosjo": {"client": gone}}]
    assert pruned.deleted_keys == {"gnosjo": {"client": gone}}
    assert pruned.to_json()["municipalities"]["gnosjo"]["client"]["deleted"] == 5
    with InventoryStore(db_url) as reopened:
        assert sorted(reopened.records("client", ["gnosjo"])["id"]) == [
            f"CB-{n:03d}" for n in range(15)
        ]
        assert len(reopened.records("client", ["hylte"])) == 20  # other municipality kept
        assert len(reopened.records("server", ["gnosjo"])) == 2  # kinds not in batch kept


def test_prune_leaves_kinds_without_a_file_alone(db_url: str) -> None:
    rows = sample_rows()
    with InventoryStore(db_url) as store:
        store.import_batch(make_batch({"gnosjo": rows}))
        result = store.import_batch(make_batch({"gnosjo": {"site": rows["site"]}}), prune=True)
        assert result.totals.deleted == 0
        assert len(store.records("client")) == 20


def test_dry_run_writes_nothing(db_url: str) -> None:
    rows = sample_rows()
    with InventoryStore(db_url) as store:
        store.import_batch(make_batch({"gnosjo": rows}))
        before = dump_tables(db_url)
        rows["client"] = rows["client"][:10]
        rows["server"][0]["ram_gb"] = 1024.0
        rows["site"].append({"id": "DC2", "kind": "server_room"})
        result = store.import_batch(make_batch({"gnosjo": rows}), prune=True, dry_run=True)
    assert result.run_id is None and result.dry_run
    gnosjo = result.to_json()["municipalities"]["gnosjo"]
    assert gnosjo["client"]["deleted"] == 10
    assert gnosjo["server"]["updated"] == 1
    assert gnosjo["site"]["created"] == 1
    assert dump_tables(db_url) == before


def test_invalid_batch_is_refused_and_nothing_is_written(db_url: str) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(make_batch({"gnosjo": sample_rows()}))
        before = dump_tables(db_url)
        bad = make_batch({"gnosjo": {"site": [{"id": "DC9", "kind": "school"}]}})
        bad.report.add(Issue(code=IssueCode.INVALID_ENUM, message="bad", file="sites.csv", line=2))
        with pytest.raises(StoreError, match="not valid"):
            store.import_batch(bad)
    assert dump_tables(db_url) == before


def test_known_keys_include_clusters(db_url: str) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(
            make_batch(
                {"gnosjo": sample_rows(), "hylte": {"site": [{"id": "H1", "kind": "office"}]}}
            )
        )
        keys = store.known_keys()
        only_hylte = store.known_keys(["hylte"])
        assert store.municipality_codes() == ["gnosjo", "hylte"]
    assert keys["gnosjo"]["cluster"] == {"CL1"}
    assert keys["gnosjo"]["server"] == {"esx01", "srv-ad01"}
    assert keys["gnosjo"]["municipality"] == {"gnosjo"}
    assert keys["hylte"]["site"] == {"H1"}
    assert set(only_hylte) == {"hylte"}


def test_stats_count_records_per_municipality_and_kind(db_url: str) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(
            make_batch(
                {"gnosjo": sample_rows(), "hylte": {"site": [{"id": "H1", "kind": "office"}]}}
            )
        )
        stats = store.stats()
    assert stats["municipalities"]["gnosjo"]["client"] == 20
    assert stats["municipalities"]["gnosjo"]["client_devices"] == 10 * 30 + 10
    assert stats["municipalities"]["hylte"]["site"] == 1
    assert stats["municipalities"]["hylte"]["server"] == 0
    assert stats["totals"]["site"] == 3
    assert stats["import_runs"] == 1


def test_references_are_replaced_per_municipality(db_url: str) -> None:
    def ref(code: str, target: str) -> dict[str, str]:
        return {
            "municipality": code,
            "kind": "server",
            "id": "esx01",
            "field": "site",
            "target_municipality": code,
            "target_kind": "site",
            "target_id": target,
        }

    with InventoryStore(db_url) as store:
        store.import_batch(
            make_batch(
                {"gnosjo": sample_rows(), "hylte": sample_rows()},
                [ref("gnosjo", "DC1"), ref("hylte", "DC1")],
            )
        )
        store.import_batch(make_batch({"gnosjo": sample_rows()}, [ref("gnosjo", "0480")]))
        references = store.references()
        snapshot = store.snapshot(["gnosjo"])
    assert sorted(zip(references["municipality"], references["target_id"], strict=True)) == [
        ("gnosjo", "0480"),
        ("hylte", "DC1"),
    ]
    assert list(snapshot.references["target_id"]) == ["0480"]
    assert snapshot.municipalities == ["gnosjo"]
    assert len(snapshot.table("client")) == 20


def test_snapshot_matches_the_batch_it_was_imported_from(db_url: str) -> None:
    from inventory.snapshot import InventorySnapshot

    batch = make_batch({"gnosjo": sample_rows()})
    with InventoryStore(db_url) as store:
        store.import_batch(batch)
        stored = store.snapshot()
    fresh = InventorySnapshot.from_batch(batch)
    for kind in ("site", "server", "client", "zone", "municipality"):
        left = stored.table(kind).sort_values("id" if kind != "municipality" else "code")
        right = fresh.table(kind).sort_values("id" if kind != "municipality" else "code")
        pd.testing.assert_frame_equal(
            left.reset_index(drop=True).astype(object),
            right.reset_index(drop=True).astype(object),
            check_dtype=False,
        )


def test_opening_a_database_in_a_missing_folder_is_a_clear_error(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        InventoryStore(f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")


def test_a_new_sqlite_file_gets_16_kib_pages_and_an_old_one_keeps_its_own(tmp_path: Any) -> None:
    import sqlite3

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:  # an existing file with 4 KiB pages
        connection.execute("PRAGMA page_size = 4096")
        connection.execute("CREATE TABLE unrelated (x)")
    batch = make_batch({"gnosjo": sample_rows()})
    for path, page_size in ((tmp_path / "new.db", 16_384), (old, 4096)):
        with InventoryStore(f"sqlite:///{path}") as store:
            assert store.import_batch(batch).totals.created > 20
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA page_size").fetchone() == (page_size,)
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute(
                "SELECT count(*) FROM client WHERE municipality = 'gnosjo'"
            ).fetchone() == (20,)


def test_a_municipality_code_with_a_quote_is_stored_as_it_is(db_url: str) -> None:
    # On SQLite the code is written into the bulk insert statement as a literal.
    batch = make_batch({"o'hara": sample_rows()})
    with InventoryStore(db_url) as store:
        assert store.import_batch(batch).totals.created > 20
        clients = store.records("client", ["o'hara"])
    assert len(clients) == 20
    assert set(clients["municipality"]) == {"o'hara"}
