"""`cmake --install` puts the package where the README says: under a prefix, the directory to
put on PYTHONPATH, from which the acceptance one-liner prints 27."""

import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR


@pytest.mark.skipif("PLANPARSE_BUILD_DIR" not in os.environ, reason="run by ctest, which names the build")
def test_the_installed_package_imports_from_the_prefix_and_parses(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", os.environ["PLANPARSE_BUILD_DIR"], "--prefix", prefix],
                   check=True, capture_output=True)
    site = prefix / os.environ["PLANPARSE_PYTHON_INSTALL_DIR"]
    assert (site / "planparse" / "__init__.py").is_file()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    sample = SOURCE_DIR / "samples" / "follow-up-plan-2022.en.txt"
    result = subprocess.run(
        [sys.executable, "-c", "import planparse, sys; print(planparse.__file__); "
                               f"print(len(planparse.parse({str(sample)!r})['activities']))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    where, count = result.stdout.split()
    assert where.startswith(str(site))
    assert count == "27"
