"""planparse.parse and parse_json give what `planparse parse` prints; validate and diff are
the CLI's validate and diff."""

import io
import json
import os
import pathlib

import pytest

import planparse
from conftest import SAMPLES, other_vocab_and_registry, run_cli, sample_documents


@pytest.mark.parametrize("path", sample_documents())
def test_every_sample_parses_to_the_cli_json(path):
    cli = run_cli("parse", path)
    assert cli.returncode == 0, cli.stderr
    assert planparse.parse_json(path).encode("utf-8") == cli.stdout
    assert planparse.parse(path) == json.loads(cli.stdout)


def test_compact_json_is_the_cli_compact_line():
    path = "samples/follow-up-plan-2022.ru.portal.html"
    assert planparse.parse_json(path, compact=True).encode("utf-8") == run_cli("parse", path, "--compact").stdout


def test_the_reference_plan_has_27_activities():
    assert len(planparse.parse("samples/follow-up-plan-2022.en.txt")["activities"]) == 27


def test_a_path_bytes_and_a_binary_file_give_the_same_plan():
    path = SAMPLES / "follow-up-plan-2022.kk.txt"
    by_path = planparse.parse(path)
    assert planparse.parse(str(path)) == by_path
    assert planparse.parse(path.read_bytes(), name=path.name) == by_path
    with open(path, "rb") as file:
        assert planparse.parse(file) == by_path
    assert planparse.parse(io.BytesIO(path.read_bytes()))["source"]["name"] == "<stream>"
    assert planparse.parse(path.read_bytes())["source"]["name"] == "<bytes>"


def test_encoding_vocab_and_registry_are_the_cli_options(tmp_path):
    path = "samples/follow-up-plan-2022.en.cp1252.txt"
    assert planparse.parse(path, encoding="cp1252") == json.loads(run_cli("parse", path, "--encoding", "cp1252").stdout)
    vocab = SAMPLES.parent / "parsers" / "vocab"
    registry = SAMPLES.parent / "parsers" / "registry" / "agencies.tsv"
    plan = planparse.parse("samples/follow-up-plan-2022.ru.txt", vocab=vocab, registry=registry)
    assert plan == planparse.parse("samples/follow-up-plan-2022.ru.txt")
    # A registry without the ministries: the same plan's agencies lose their ids.
    small = tmp_path / "agencies.tsv"
    lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
    small.write_text("".join(line for line in lines if line.startswith("#") or not line.startswith("mi")),
                     encoding="utf-8")
    cli = json.loads(run_cli("parse", "samples/follow-up-plan-2022.ru.txt", "--registry", small).stdout)
    assert planparse.parse("samples/follow-up-plan-2022.ru.txt", registry=small) == cli


def test_validate_finds_nothing_in_a_parsed_plan_and_names_each_violation_by_pointer():
    plan = planparse.parse("samples/follow-up-plan-2022.en.txt")
    assert planparse.validate(plan) == []
    plan["activities"][0]["number"] = "one"
    plan["activities"][1]["outcomes"][0]["deadline"]["to"] = "2025-02-30"
    violations = planparse.validate(plan)
    assert any(v.startswith("/activities/0/number: ") for v in violations), violations
    assert any(v.startswith("/activities/1/outcomes/0/deadline/to: ") for v in violations), violations
    assert len(planparse.validate("{not json")) == 1


def test_diff_is_the_cli_json_diff():
    old = "samples/diff/follow-up-plan-2022.en.old.txt"
    new = "samples/diff/follow-up-plan-2022.en.new.txt"
    expected = json.loads(run_cli("diff", old, new, "--format", "json").stdout)
    assert planparse.diff(old, new) == expected
    # Plans as dicts compare the same; only the sides' names and digests differ.
    from_dicts = planparse.diff(planparse.parse(old), planparse.parse(new))
    for key in ("summary", "changes"):
        assert from_dicts[key] == expected[key]
    assert planparse.diff(old, old)["summary"] == {"added": 0, "removed": 0, "changed": 0, "moved": 0, "renumbered": 0}


def test_diff_mode_translations_pairs_by_number():
    old = "samples/diff/follow-up-plan-2022.en-ru.old.txt"
    new = "samples/diff/follow-up-plan-2022.en-ru.new.txt"
    expected = json.loads(run_cli("diff", old, new, "--format", "json", "--mode", "translations").stdout)
    assert planparse.diff(old, new, mode="translations") == expected
    with pytest.raises(planparse.UsageError):
        planparse.diff(old, new, mode="sideways")


def test_diff_takes_vocab_and_registry_as_the_cli_diff_does(tmp_path):
    old = "samples/diff/follow-up-plan-2022.en.old.txt"
    new = "samples/diff/follow-up-plan-2022.en.new.txt"
    vocab = SAMPLES.parent / "parsers" / "vocab"
    _, small = other_vocab_and_registry(tmp_path)
    expected = json.loads(run_cli("diff", old, new, "--format", "json", "--vocab", vocab, "--registry", small).stdout)
    assert expected != planparse.diff(old, new)  # the small registry links fewer agencies
    assert planparse.diff(old, new, vocab=vocab, registry=small) == expected
    assert planparse.diff(old, new, vocab=str(vocab)) == planparse.diff(old, new)
    # A plan of schema 1.0 (no agency ids) has its agencies linked with the registry given.
    plan = planparse.parse(old)
    plan["schema_version"] = "1.0"
    for activity in plan["activities"]:
        for agency in activity["agencies"]:
            del agency["id"]
    with_small = planparse.diff(old, new, registry=small)["changes"]
    assert planparse.diff(plan, new, registry=small)["changes"] == with_small
    assert planparse.diff(plan, new)["changes"] != with_small


@pytest.mark.parametrize("kwargs, cli_args", [
    ({"vocab": "/no/such/vocab"}, ["--vocab", "/no/such/vocab"]),
    ({"registry": "/no/such/registry.tsv"}, ["--registry", "/no/such/registry.tsv"]),
], ids=["missing vocab", "missing registry"])
def test_diff_refuses_a_missing_vocab_or_registry_as_the_cli_diff_does(kwargs, cli_args):
    old = "samples/diff/follow-up-plan-2022.en.old.txt"
    with pytest.raises(planparse.UsageError) as caught:
        planparse.diff(old, "samples/no-such-plan.txt", **kwargs)  # the context is checked first
    assert caught.value.exit_code == 2
    assert caught.value.message == planparse_parse_message(kwargs)
    assert run_cli("diff", old, "samples/no-such-plan.txt", *cli_args, check=False).returncode == 2


def planparse_parse_message(kwargs):
    """The message planparse.parse gives for the same vocab or registry."""
    with pytest.raises(planparse.UsageError) as caught:
        planparse.parse("samples/follow-up-plan-2022.en.txt", **kwargs)
    return caught.value.message
