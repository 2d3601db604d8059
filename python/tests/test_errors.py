"""Failures arrive as planparse.Error subclasses carrying the CLI's exit code, the failure's
code and where it is."""

import io

import pytest

import planparse
from conftest import SAMPLES, run_cli


def test_an_empty_input_is_not_a_plan():
    with pytest.raises(planparse.NotAPlanError) as caught:
        planparse.parse(b"")
    assert caught.value.exit_code == 1
    assert caught.value.code == "empty-input"
    assert isinstance(caught.value, planparse.Error)


def test_invalid_utf8_says_at_which_byte():
    with pytest.raises(planparse.NotAPlanError) as caught:
        planparse.parse(b"Plan\n\xc3\x28 broken", encoding="utf-8")
    assert caught.value.code == "invalid-utf8"
    assert caught.value.where == "byte 5"
    assert str(caught.value).endswith(" at byte 5")


def test_a_document_without_a_plan_table_is_not_a_plan():
    with pytest.raises(planparse.NotAPlanError) as caught:
        planparse.parse(b"Just a letter.\n\nNo table here.\n")
    assert caught.value.code == "not-a-plan"


def test_strict_refuses_a_plan_with_error_diagnostics():
    path = "samples/domestic-trade-plan-2025.en.portal.html"
    assert planparse.parse(path)["diagnostics"]
    with pytest.raises(planparse.NotAPlanError) as caught:
        planparse.parse(path, strict=True)
    assert caught.value.exit_code == run_cli("parse", path, "--strict").returncode == 1


@pytest.mark.parametrize("kwargs, cli_args, exception, exit_code", [
    ({"source": "samples/no-such-plan.txt"}, ["samples/no-such-plan.txt"], planparse.PlanIOError, 3),
    ({"source": "samples/follow-up-plan-2022.en.txt", "encoding": "klingon"},
     ["samples/follow-up-plan-2022.en.txt", "--encoding", "klingon"], planparse.UsageError, 2),
    ({"source": "samples/follow-up-plan-2022.en.txt", "vocab": "/no/such/vocab"},
     ["samples/follow-up-plan-2022.en.txt", "--vocab", "/no/such/vocab"], planparse.UsageError, 2),
    ({"source": "samples/follow-up-plan-2022.en.txt", "registry": "/no/such/registry.tsv"},
     ["samples/follow-up-plan-2022.en.txt", "--registry", "/no/such/registry.tsv"], planparse.UsageError, 2),
    ({"source": "samples/README.md"}, ["samples/README.md"], planparse.NotAPlanError, 1),
], ids=["missing file", "unknown encoding", "missing vocab", "missing registry", "no table"])
def test_each_failure_has_the_exit_code_the_cli_gives(kwargs, cli_args, exception, exit_code):
    source = kwargs.pop("source")
    with pytest.raises(exception) as caught:
        planparse.parse(source, **kwargs)
    assert caught.value.exit_code == exit_code
    assert run_cli("parse", *cli_args, check=False).returncode == exit_code
    assert caught.value.message


def test_an_io_error_is_also_an_oserror():
    with pytest.raises(OSError):
        planparse.parse("samples/no-such-plan.txt")


def test_wrong_arguments_are_usage_errors():
    with pytest.raises(planparse.UsageError):
        planparse.parse(io.StringIO("text mode"))
    with pytest.raises(planparse.UsageError):
        planparse.parse(42)
    with pytest.raises(planparse.UsageError):
        planparse.parse(SAMPLES / "follow-up-plan-2022.en.txt", max_bytes=0)


def test_max_bytes_refuses_larger_input():
    with pytest.raises(planparse.NotAPlanError) as caught:
        planparse.parse(SAMPLES / "follow-up-plan-2022.en.txt", max_bytes=100)
    assert caught.value.code == "limit-exceeded"
