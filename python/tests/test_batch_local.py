"""planparse.dask.batch with no Dask client runs on threads in this process, with the same
bytes as `planparse batch`."""

import pytest

import planparse.dask as ppd
from conftest import other_vocab_and_registry, run_cli


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


def test_vocab_and_registry_are_the_cli_batch_options(tmp_path, monkeypatch):
    import json
    import planparse
    vocab, registry = other_vocab_and_registry(tmp_path)
    inputs = ["samples/follow-up-plan-2022.en.txt", "samples/follow-up-plan-2022.ru.txt"]
    expected = tmp_path / "cli.jsonl"
    assert run_cli("batch", *inputs, "--vocab", vocab, "--registry", registry, "-o", expected, "-q").returncode == 0
    # Each chunk of paths is one call that loads the vocabulary and the registry once.
    calls = []
    process_inputs = planparse._planparse.process_inputs
    monkeypatch.setattr(planparse._planparse, "process_inputs",
                        lambda paths, *args, **kwargs: calls.append(len(paths)) or process_inputs(paths, *args, **kwargs))
    out = tmp_path / "local.jsonl"
    ppd.batch(inputs, out=str(out), vocab=vocab, registry=str(registry), chunk_size=1)
    assert out.read_bytes() == expected.read_bytes()
    assert calls == [1, 1]
    plan = json.loads(out.read_bytes().splitlines()[0])
    assert plan == planparse.parse(inputs[0], vocab=vocab, registry=registry)
    assert plan["act"] is None and plan != planparse.parse(inputs[0])  # the vocabulary given was used
    records = ppd.read_plans(inputs, vocab=vocab, registry=registry).compute(scheduler="sync")
    assert [r["plan"] for r in records] == [json.loads(line) for line in out.read_bytes().splitlines()]


@pytest.mark.parametrize("kwargs, cli_args", [
    ({"vocab": "/no/such/vocab"}, ["--vocab", "/no/such/vocab"]),
    ({"registry": "/no/such/registry.tsv"}, ["--registry", "/no/such/registry.tsv"]),
], ids=["missing vocab", "missing registry"])
def test_a_missing_vocab_or_registry_stops_the_batch_before_any_output(tmp_path, kwargs, cli_args):
    import planparse
    with pytest.raises(planparse.UsageError) as caught:
        planparse.parse("samples/follow-up-plan-2022.en.txt", **kwargs)
    message = caught.value.message
    out = tmp_path / "plans.jsonl"
    with pytest.raises(planparse.UsageError) as caught:
        ppd.batch(["samples"], out=str(out), **kwargs)
    assert caught.value.exit_code == 2 and caught.value.message == message
    assert not out.exists()
    with pytest.raises(planparse.UsageError):
        ppd.read_plans(["samples"], **kwargs)
    assert run_cli("batch", "samples", *cli_args, "-o", tmp_path / "cli.jsonl", "-q", check=False).returncode == 2
