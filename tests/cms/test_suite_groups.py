"""`make test` runs `pytest -n auto --dist loadgroup`: a file (a browser group: several files on one
demo site) must be one unit of work that one worker runs in order (tests/conftest.py). pytest-xdist
marks a test's group by renaming its node id, which pytest 9.2 no longer reads (its node ids moved
to `Node._id`): every test was then a unit of its own and the groups were spread over the workers.
This runs the installed pytest and pytest-xdist on a grouped file and checks the group held."""

from __future__ import annotations

import subprocess
import sys

GROUPED = """
import os

import pytest


@pytest.mark.xdist_group("together")
@pytest.mark.parametrize("number", range(8))
def test_grouped(number):
    with open(os.path.join(os.path.dirname(__file__), "ran.txt"), "a") as ran:
        ran.write(f"{os.environ['PYTEST_XDIST_WORKER']} {number}\\n")
"""


def test_a_group_of_tests_runs_on_one_worker_in_order(tmp_path):
    (tmp_path / "test_grouped.py").write_text(GROUPED, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:django", "-p", "no:cacheprovider", "-n", "2",
         "--dist", "loadgroup", "-rA", "-q", "test_grouped.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    ran = [line.split() for line in (tmp_path / "ran.txt").read_text(encoding="utf-8").splitlines()]
    assert len(ran) == 8, ran
    assert len({worker for worker, _number in ran}) == 1, ran  # one worker...
    assert [int(number) for _worker, number in ran] == list(range(8))  # ...in order
    assert "test_grouped.py::test_grouped[0]@together" in result.stdout
