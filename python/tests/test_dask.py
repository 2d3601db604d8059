"""planparse.dask on a LocalCluster of two worker processes: the batch's JSONL byte for
byte, SQLite row for row, failures as records."""

import shutil
import sqlite3
import time

import pytest

import planparse
import planparse.dask as ppd
from conftest import SAMPLES, other_vocab_and_registry, run_cli, sample_documents

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def fifty_copies(tmp_path_factory):
    root = tmp_path_factory.mktemp("releases")
    for k in range(50):
        shutil.copytree(SAMPLES, root / f"copy{k:02d}")
    return root


def test_fifty_copies_of_the_samples_give_the_batch_jsonl_bytes(client, fifty_copies, tmp_path):
    expected = tmp_path / "cli.jsonl"
    result = run_cli("batch", fifty_copies, "-o", expected, "-q")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "dask.jsonl"
    start = time.monotonic()
    report = ppd.batch([str(fifty_copies)], client=client, out=str(out))
    seconds = time.monotonic() - start
    assert out.read_bytes() == expected.read_bytes()
    assert report == {"parsed": 50 * len(sample_documents()), "unchanged": 0, "failed": 0}
    assert seconds < 120
    print(f"\n{report['parsed']} documents on 2 worker processes in {seconds:.1f} s")


def test_the_sqlite_batch_stores_the_rows_the_cli_stores(client, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "letter.txt").write_text("Just a letter.\n\nNo table here.\n")
    cli_db, dask_db = tmp_path / "cli.db", tmp_path / "dask.db"
    assert run_cli("batch", folder, "--to", "sqlite", "-o", cli_db, "-q").returncode == 1
    report = ppd.batch([str(folder)], client=client, to="sqlite", out=str(dask_db), quiet=True)
    assert report["failed"] == 2
    with sqlite3.connect(cli_db) as a, sqlite3.connect(dask_db) as b:
        tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        assert "failures" in tables
        for table in tables:
            query = f"SELECT * FROM {table} ORDER BY rowid"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
    # A re-run skips what is stored.
    again = ppd.batch([str(folder)], client=client, to="sqlite", out=str(dask_db), quiet=True)
    assert again == {"parsed": 0, "unchanged": report["parsed"] + report["unchanged"], "failed": 2}


def test_read_plans_keeps_failures_as_records_and_to_frames_numbers_as_frames_does(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("follow-up-plan-2022.en.txt", "road-repair-plan-2026.ru.txt", "water-supply-plan-2025.en.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    records = ppd.read_plans(str(folder / "*.txt"), partition_size=2).compute()
    assert [r["path"].rsplit("/", 1)[1] for r in records] == sorted(p.name for p in folder.iterdir())
    broken = records[0]
    assert broken["plan"] is None and broken["error"]["code"] == "binary-input"
    assert records[1]["plan"] == planparse.parse(folder / "follow-up-plan-2022.en.txt")
    bag = ppd.read_plans([str(folder)], partition_size=1).persist()
    tables = {name: frame.compute() for name, frame in ppd.to_frames(bag, ingested_at="2026-01-01T00:00:00Z").items()}
    local = planparse.frames(records, ingested_at="2026-01-01T00:00:00Z")
    for name, frame in local.items():
        assert tables[name].reset_index(drop=True).equals(frame), name
    assert len(tables["failures"]) == 1


def test_an_output_that_cannot_be_written_fails_before_any_parsing(client, tmp_path):
    with pytest.raises(planparse.PlanIOError):
        ppd.batch(["samples"], client=client, out=str(tmp_path / "no" / "such" / "dir.jsonl"))
    with pytest.raises(planparse.PlanIOError):
        ppd.batch(["samples"], client=client, out="/dev/null")
    with pytest.raises(planparse.UsageError):
        ppd.batch(["samples"], client=client, to="csv", out=str(tmp_path / "x"))
    assert not any(tmp_path.iterdir())


def test_vocab_and_registry_travel_as_paths_and_give_the_cli_batch_bytes(client, tmp_path):
    vocab, registry = other_vocab_and_registry(tmp_path)
    inputs = [str(SAMPLES / name) for name in ("follow-up-plan-2022.en.txt", "follow-up-plan-2022.ru.txt",
                                               "water-supply-plan-2025.en.txt")]
    expected = tmp_path / "cli.jsonl"
    assert run_cli("batch", *inputs, "--vocab", vocab, "--registry", registry, "-o", expected, "-q").returncode == 0
    out = tmp_path / "dask.jsonl"
    assert ppd.batch(inputs, client=client, out=str(out), vocab=vocab, registry=registry, chunk_size=2)["parsed"] == 3
    assert out.read_bytes() == expected.read_bytes()
    assert out.read_bytes() != run_cli("batch", *inputs, "-q").stdout
    records = ppd.read_plans(inputs, vocab=str(vocab), registry=str(registry), partition_size=2).compute()
    assert [r["plan"] for r in records] == [planparse.parse(p, vocab=vocab, registry=registry) for p in inputs]
