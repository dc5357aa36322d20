"""Audit the packages installed in .venv and .venv-rasa against PyPI's vulnerability data.

Run with the main environment's Python (it needs PyYAML and packaging): `.venv/bin/python
tools/audit_deps.py`. For every installed package it reads https://pypi.org/pypi/<name>/json and
compares the vulnerabilities found with requirements/audit-exceptions.yml.

What that data covers: the project JSON lists the known (OSV) vulnerabilities of the project's
*latest* release only; the per-version JSON and osv.dev, which pip-audit asks, are not reachable
from CI. A package pinned at its latest release is checked exactly. For one pinned below it, only
vulnerabilities still open in the latest release are seen (counted against the pin unless the pin
is at or past one of their fixes); advisories fixed after the pin are invisible here, so those
found by hand are written down in the exceptions file with `seen_by: review`.

Exit status: 0 no unlisted vulnerability; 1 an unlisted one; 2 PyPI unreachable; 3 an environment
or the exceptions file is missing or malformed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

REPO = Path(__file__).resolve().parent.parent
ENVS = {"main": REPO / ".venv" / "bin" / "python", "rasa": REPO / ".venv-rasa" / "bin" / "python"}
EXCEPTIONS = REPO / "requirements" / "audit-exceptions.yml"
PROJECT_JSON = "https://pypi.org/pypi/{}/json"
TIMEOUT_S = 60
ATTEMPTS = 3
WORKERS = 8
REQUIRED_KEYS = {"id", "package", "version", "envs", "seen_by", "reason"}
SEEN_BY = {"pypi", "review"}


class Unreachable(Exception):
    """PyPI gave no answer (DNS, connection, timeout or server error) after ATTEMPTS tries."""


class BadSetup(Exception):
    """An environment or the exceptions file cannot be read."""


@dataclass(frozen=True)
class Project:
    latest: str
    vulns: tuple[dict, ...]


@dataclass(frozen=True)
class Finding:
    env: str
    package: str
    version: str
    ids: frozenset[str]
    vuln: dict

    @property
    def name(self) -> str:
        """The GHSA id when there is one (the one GitHub and OSV show), then the others."""
        ghsa = sorted(i for i in self.ids if i.startswith("GHSA-"))
        first = ghsa[0] if ghsa else self.vuln["id"]
        return f"{first} ({', '.join(sorted(self.ids - {first}))})" if len(self.ids) > 1 else first


def installed(python: Path) -> dict[str, str]:
    """{canonical name: version} of what `pip list` shows in the environment of ``python``."""
    if not python.exists():
        raise BadSetup(f"{python} not found: set the environment up first (make setup)")
    out = subprocess.run(
        [str(python), "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {canonicalize_name(p["name"]): p["version"] for p in json.loads(out.stdout)}


def fetch(name: str) -> Project | None:
    """The project's latest version and its unwithdrawn vulnerabilities; None if PyPI has no such project."""
    for attempt in range(ATTEMPTS):
        try:
            with urllib.request.urlopen(PROJECT_JSON.format(name), timeout=TIMEOUT_S) as response:
                data = json.load(response)
            vulns = tuple(v for v in data.get("vulnerabilities") or [] if not v.get("withdrawn"))
            return Project(data["info"]["version"], vulns)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            problem: Exception = error
        except OSError as error:  # URLError, timeouts, resets
            problem = error
        if attempt + 1 < ATTEMPTS:
            time.sleep(2**attempt)
    raise Unreachable(f"{PROJECT_JSON.format(name)}: {problem}")


def fetch_all(names: set[str]) -> dict[str, Project | None]:
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = {name: pool.submit(fetch, name) for name in sorted(names)}
        try:
            return {name: future.result() for name, future in futures.items()}
        except Unreachable:
            pool.shutdown(cancel_futures=True)
            raise


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def at_latest(version: str, latest: str) -> bool:
    """Same public version (torch's ``2.13.0+cpu`` is PyPI's ``2.13.0``)."""
    pinned, newest = _version(version), _version(latest)
    return pinned.public == newest.public if pinned and newest else version == latest


def affects(vuln: dict, version: str, latest: str) -> bool:
    """A vulnerability of the latest release is counted against the pin unless the pin is at or past a fix."""
    if at_latest(version, latest):
        return True
    pinned = _version(version)
    fixes = [v for v in map(_version, vuln.get("fixed_in") or []) if v]
    return pinned is None or not any(fix <= pinned for fix in fixes)


def findings(env: str, package: str, version: str, project: Project) -> list[Finding]:
    """The vulnerabilities affecting ``package==version``, one per set of aliases (GHSA and PYSEC twins)."""
    groups: list[tuple[set[str], dict]] = []
    for vuln in project.vulns:
        if not affects(vuln, version, project.latest):
            continue
        ids = {vuln["id"], *(vuln.get("aliases") or [])}
        for group_ids, _ in groups:
            if group_ids & ids:
                group_ids |= ids
                break
        else:
            groups.append((ids, vuln))
    return [Finding(env, package, version, frozenset(ids), vuln) for ids, vuln in groups]


def load_exceptions(path: Path) -> list[dict]:
    if not path.exists():
        raise BadSetup(f"{path} not found")
    try:
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("exceptions") or []
    except yaml.YAMLError as error:
        raise BadSetup(f"{path}: {error}") from error
    for entry in entries:
        label = f"{path.name}: entry {entry.get('id', '?')} ({entry.get('package', '?')})"
        missing = REQUIRED_KEYS - entry.keys()
        if missing:
            raise BadSetup(f"{label} lacks {', '.join(sorted(missing))}")
        if not isinstance(entry["version"], str):
            raise BadSetup(f"{label}: quote the version, YAML reads {entry['version']!r} as a number")
        if entry["seen_by"] not in SEEN_BY:
            raise BadSetup(f"{label}: seen_by must be one of {', '.join(sorted(SEEN_BY))}")
    return entries


def covers(entry: dict, finding: Finding) -> bool:
    """The entry is for this environment, package and version, and names one of the finding's ids."""
    ids = {entry["id"], *(entry.get("aliases") or [])}
    return (
        canonicalize_name(entry["package"]) == finding.package
        and entry["version"] == finding.version
        and finding.env in entry["envs"]
        and bool(ids & finding.ids)
    )


def describe(finding: Finding) -> str:
    fixed = ", ".join(finding.vuln.get("fixed_in") or []) or "none released"
    return f"{finding.env:5} {finding.package} {finding.version}  {finding.name}  fixed in: {fixed}"


def audit(envs: dict[str, Path], exceptions_path: Path, verbose: bool) -> int:
    entries = load_exceptions(exceptions_path)
    packages = {env: installed(python) for env, python in envs.items()}
    started = time.monotonic()
    projects = fetch_all({name for pins in packages.values() for name in pins})
    print(
        f"PyPI vulnerability data of {len(projects)} projects (their latest releases), "
        f"fetched in {time.monotonic() - started:.1f} s"
    )

    found: list[Finding] = []
    for env, pins in packages.items():
        missing = sorted(name for name in pins if projects[name] is None)
        behind = sorted(
            f"{name} {version} (latest {projects[name].latest})"
            for name, version in pins.items()
            if projects[name] and not at_latest(version, projects[name].latest)
        )
        print(
            f"{env} ({envs[env]}): {len(pins)} packages; {len(pins) - len(behind) - len(missing)} at their "
            f"latest release, checked exactly; {len(behind)} older, of which only vulnerabilities "
            f"still open in the latest release are seen"
        )
        if verbose and behind:
            print("  older: " + "; ".join(behind))
        if missing:
            print(f"  not on PyPI, not checked: {', '.join(missing)}")
        for name, version in sorted(pins.items()):
            if projects[name]:
                found += findings(env, name, version, projects[name])

    unlisted = [f for f in found if not any(covers(e, f) for e in entries)]
    for finding in found:
        if finding not in unlisted:
            print(f"  accepted  {describe(finding)}")
    for finding in unlisted:
        summary = (finding.vuln.get("summary") or finding.vuln.get("details") or "").strip().splitlines()
        print(
            f"  UNLISTED  {describe(finding)}\n            {summary[0][:160] if summary else ''} "
            f"{finding.vuln.get('link', '')}"
        )

    reviewed = 0
    for entry in entries:
        audited = [env for env in entry["envs"] if env in packages]
        current = {packages[env].get(canonicalize_name(entry["package"])) for env in audited}
        if audited and current != {entry["version"]}:
            print(
                f"  stale exception {entry['id']}: {entry['package']} is {', '.join(map(str, current))}, "
                f"not {entry['version']}: look at the advisory again, then update or remove the entry"
            )
        elif audited and entry["seen_by"] == "pypi" and not any(covers(entry, f) for f in found):
            print(f"  exception {entry['id']} ({entry['package']}) is no longer reported by PyPI: remove it")
        elif audited and entry["seen_by"] == "review":
            reviewed += 1
    print(
        f"{reviewed} advisories found by hand for pins older than the latest release are written down "
        f"in {exceptions_path.name} (this check cannot see them)"
    )

    if unlisted:
        print(
            f"FAIL: known vulnerabilities not written down in {exceptions_path.name}: {len(unlisted)}; "
            f"raise the pin, or write each down there with the reason it does not apply"
        )
        return 1
    print(f"OK: every known vulnerability seen ({len(found)}) is written down in {exceptions_path.name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--env",
        action="append",
        metavar="NAME=PYTHON",
        help="audit this environment instead of main and rasa (repeatable)",
    )
    parser.add_argument("--exceptions", type=Path, default=EXCEPTIONS, help="accepted findings (YAML)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the packages older than latest")
    args = parser.parse_args(argv)
    envs = {name: Path(python) for name, python in (e.split("=", 1) for e in args.env)} if args.env else ENVS
    try:
        return audit(envs, args.exceptions, args.verbose)
    except Unreachable as error:
        print(f"CANNOT AUDIT: PyPI's JSON API did not answer ({error})", file=sys.stderr)
        return 2
    except (BadSetup, subprocess.CalledProcessError) as error:
        print(f"CANNOT AUDIT: {error}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
