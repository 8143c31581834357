#!/usr/bin/env python3
"""The run report, seen the way a person sees it: `quire run` on a copy of the samples, twice with
an evidence date passing in between (so the page has charts over the runs and a diff), then
report.html opened from disk in headless Chromium (Debian's `chromium`).

Fails when the page logs a console error, a reference does not load, or a chart is empty (an
`svg` without a title or without a bar of positive width in the rendered DOM), and when the
screenshot is blank. The screenshot is kept in `.build/interop/report.png`.

The checker is itself checked first: a page with a script error, a missing image and an empty
chart must fail each test. Run by `make interop`."""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUIRE = str(Path(os.environ.get("QUIRE_BIN", ROOT / ".build" / "debug" / "quire")).resolve())
SCREENSHOT = ROOT / ".build" / "interop" / "report.png"


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def render(page: Path, screenshot: Path, profile: Path) -> tuple[str, str]:
    """The page's DOM after loading, and Chromium's log (console messages and failed loads)."""
    common = [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
              f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1280,2400"]
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, timeout=120)
    shot = subprocess.run([*common, f"--screenshot={screenshot}", page.as_uri()], capture_output=True, timeout=120)
    return dom.stdout.decode(errors="replace"), dom.stderr.decode(errors="replace") + shot.stderr.decode(errors="replace")


class Dom(HTMLParser):
    """The charts (each svg's title and its bars' widths) and every reference in the DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self.references: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "href", "xlink:href"):
            if attributes.get(name):
                self.references.append(attributes[name])
        if tag == "svg":
            self.charts.append({"title": "", "bars": []})
        elif tag == "title" and self.charts:
            self.in_title = True
        elif tag == "rect" and self.charts:
            self.charts[-1]["bars"].append(float(attributes.get("width", "0") or 0))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title and self.charts:
            self.charts[-1]["title"] += data


def console_errors(log: str) -> list[str]:
    """Console errors and failed loads in Chromium's log (its own D-Bus and GPU noise left out)."""
    found = []
    for line in log.splitlines():
        if re.search(r"CONSOLE|Uncaught|Failed to load resource|net::ERR_|Not allowed to load", line):
            if "CONSOLE" in line and not re.search(r"error|Uncaught|Failed", line, re.IGNORECASE):
                continue
            found.append(line.strip())
    return found


def blank(png: Path) -> bool:
    """Whether a PNG shows one colour only (or is not a PNG): its pixel rows decompressed whole."""
    data = png.read_bytes() if png.exists() else b""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return True
    position, chunks = 8, []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            chunks.append(data[position + 8:position + 8 + length])
        position += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return len(set(pixels[1:4096 * 64])) < 4


def problems(page: Path, screenshot: Path, profile: Path) -> list[str]:
    dom, log = render(page, screenshot, profile)
    found = [f"console: {line}" for line in console_errors(log)]
    parsed = Dom()
    parsed.feed(dom)
    if not parsed.charts:
        found.append("no charts rendered")
    for number, chart in enumerate(parsed.charts, start=1):
        if not chart["title"].strip():
            found.append(f"chart {number} has no title")
        if not any(width > 0 for width in chart["bars"]):
            found.append(f"chart {number} ({chart['title'][:40]!r}) is empty")
    for reference in parsed.references:
        if not reference.startswith(("#", "data:")):
            found.append(f"reference to {reference!r}")
    if blank(screenshot):
        found.append("the screenshot is blank")
    return found


def self_check(folder: Path) -> list[str]:
    """A broken page must fail every test the checker makes."""
    broken = folder / "broken.html"
    broken.write_text(
        "<!doctype html><html><body><h1>x</h1><img src='missing.png' alt='x'>"
        "<svg role='img' width='100' height='20'><rect x='0' y='0' width='0' height='10'></rect></svg>"
        "<script>undefinedFunction();</script></body></html>", encoding="utf-8")
    found = problems(broken, folder / "broken.png", folder / "profile-broken")
    wanted = {"console": any(p.startswith("console:") for p in found),
              "empty chart": any("is empty" in p for p in found),
              "untitled chart": any("no title" in p for p in found),
              "reference": any(p.startswith("reference to 'missing.png'") for p in found)}
    return [f"the checker missed a broken page's {name}" for name, caught in wanted.items() if not caught]


def main() -> int:
    if not browser():
        print("Chromium is not installed: run `make interop`, which installs Debian's chromium")
        return 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        failures = self_check(folder)
        shutil.copytree(ROOT / "samples", folder / "samples", ignore=shutil.ignore_patterns("*.py"))
        config_path = folder / "samples" / "nightly.yaml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config["output"] = "../out"
        config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        for day in ("2026-11-29", "2027-05-01"):
            config["as_of"] = day
            config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
            run = subprocess.run([QUIRE, "run", str(config_path), "--quiet"], capture_output=True, cwd=folder)
            if run.returncode not in (0, 1):
                raise SystemExit(f"quire run failed: {run.stderr.decode(errors='replace')}")
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        found = problems(folder / "out" / "report.html", SCREENSHOT, folder / "profile")
        failures += [f"report.html: {problem}" for problem in found]
        dom = Dom()
        dom.feed((folder / "out" / "report.html").read_text(encoding="utf-8"))
        print(f"report.html: {len(dom.charts)} charts, each titled with a bar; no console errors or broken "
              f"references; screenshot {SCREENSHOT.relative_to(ROOT)} ({SCREENSHOT.stat().st_size} bytes)")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
