"""Shared fixtures: where the sources and the CLI are (ctest sets PLANPARSE_SOURCE_DIR and
PLANPARSE_CLI; python/CMakeLists.txt), and the sample documents."""

import os
import pathlib
import shutil
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("PLANPARSE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("PLANPARSE_CLI", str(SOURCE_DIR / "build" / "planparse"))
SAMPLES = SOURCE_DIR / "samples"


def sample_documents():
    """Every document `planparse batch samples` reads (samples/diff included), as paths
    relative to the source directory, which the tests run in."""
    import planparse.dask
    return [os.path.relpath(p, SOURCE_DIR) for p in planparse.dask.input_paths([str(SAMPLES)])]


def run_cli(*args, env=None, check=True):
    result = subprocess.run([CLI, *map(str, args)], cwd=SOURCE_DIR, capture_output=True,
                            env={**os.environ, **(env or {})})
    if check and result.returncode not in (0, 1):
        raise AssertionError(f"planparse {' '.join(map(str, args))}: exit {result.returncode}: {result.stderr!r}")
    return result


def other_vocab_and_registry(tmp_path):
    """A --vocab directory and a --registry file that change the output: the built-in
    vocabularies without the English act-number words (an English act loses its number), and
    the built-in registry without the ministries ("mi..." ids: their agencies lose their ids)."""
    vocab = tmp_path / "vocab"
    shutil.copytree(SOURCE_DIR / "parsers" / "vocab", vocab)
    en = (vocab / "en.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    (vocab / "en.tsv").write_text("".join(line for line in en if not line.startswith("act.number")), encoding="utf-8")
    lines = (SOURCE_DIR / "parsers" / "registry" / "agencies.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    registry = tmp_path / "agencies.tsv"
    registry.write_text("".join(line for line in lines if line.startswith("#") or not line.startswith("mi")),
                        encoding="utf-8")
    return vocab, registry


@pytest.fixture(autouse=True)
def _in_source_dir(monkeypatch):
    monkeypatch.chdir(SOURCE_DIR)
