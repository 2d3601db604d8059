"""planparse.dask.batch with no Dask client runs on threads in this process, with the same
bytes as `planparse batch`."""

import planparse.dask as ppd
from conftest import run_cli


def test_without_a_client_the_batch_runs_on_threads_and_gives_the_same_bytes(tmp_path):
    executor, local = ppd._client_or_local(None)
    assert local, "no Dask client exists in this test file"
    executor.close()
    expected = tmp_path / "cli.jsonl"
    assert run_cli("batch", "samples", "-o", expected, "-q").returncode == 0
    out = tmp_path / "local.jsonl"
    report = ppd.batch(["samples"], out=str(out))
    assert out.read_bytes() == expected.read_bytes()
    assert report["failed"] == 0 and report["parsed"] > 20


def test_jsonl_to_stdout_is_the_cli_stdout(capfdbinary):
    ppd.batch(["samples/follow-up-plan-2022.en.txt", "samples/follow-up-plan-2022.kk.portal.html"])
    out = capfdbinary.readouterr().out
    expected = run_cli("batch", "samples/follow-up-plan-2022.en.txt", "samples/follow-up-plan-2022.kk.portal.html",
                       "-q").stdout
    assert out == expected


def test_a_file_name_that_is_not_utf8_is_stored_as_the_cli_stores_it(tmp_path, monkeypatch):
    import os
    import shutil
    import sqlite3
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy("samples/follow-up-plan-2022.en.txt", os.path.join(os.fsencode(folder), b"plan-\xff.txt"))
    with open(os.path.join(os.fsencode(folder), b"empty-\xfe.txt"), "wb"):
        pass
    cli_db, py_db = tmp_path / "cli.db", tmp_path / "py.db"
    assert run_cli("batch", folder, "--to", "sqlite", "-o", cli_db, "-q").returncode == 1
    report = ppd.batch([str(folder)], to="sqlite", out=str(py_db), quiet=True)
    assert report == {"parsed": 1, "unchanged": 0, "failed": 1}
    with sqlite3.connect(cli_db) as a, sqlite3.connect(py_db) as b:
        a.text_factory = b.text_factory = bytes
        for table in ("documents", "failures", "activities"):
            query = f"SELECT * FROM {table} ORDER BY rowid"
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
