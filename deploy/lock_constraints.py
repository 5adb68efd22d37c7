"""Print requirements.lock as pip constraints, minus the packages pyproject.toml pins itself.

`make install` installs `pyproject.toml` with these constraints: every transitive package is held
at its locked version, while a pin just changed or added in pyproject.toml wins (a lock that was
not regenerated yet cannot make the install fail). `make lock` regenerates the lock.
"""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    return {normalise(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", item).group(0)) for item in requirements}


def main() -> None:
    direct = direct_names()
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==", line)
        if match and normalise(match.group(1)) not in direct:
            sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
