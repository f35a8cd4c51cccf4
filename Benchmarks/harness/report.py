"""The table of one size, the ratios under it, and the goals of issue 13."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

from .base import fmt_seconds, median
from .measure import Tool

WHAT = {"thidua": "full site build, fresh output folder",
        "thidua-rebuild": "the same again into that folder, nothing changed",
        "cp": "`cp -r` of thidua's output to a fresh folder",
        "thidua-bare": "the same, page templates reduced to the title",
        "hugo": "full site build (equivalent theme)",
        "cmark": "Markdown → HTML of the story bodies only, one core"}

# Issue 13, measured on the 10,000-story site (and the 100,000 one where it says so).
FLOOR_GOAL = 1.5          # thidua ≤ 1.5 × (cmark + cp -r)
HUGO_GOAL = 3.0           # Hugo/thidua ≥ 3
CPU_GOAL = 7.1 / 2        # CPU time at least halved from the 7.1 s measured before
RSS_GOAL_10K = 200        # MiB
RSS_GOAL_100K = 1024      # MiB
SCALING_GOAL = 11         # wall time at 100,000 ≤ 11 × at 10,000
REBUILD_GOAL = 0.40       # unchanged rebuild ≤ 40 % of a fresh build


def summarize(tools: list[Tool]) -> dict:
    """Medians of every tool, and the ratios the goals are about."""
    out: dict = {}
    for tool in tools:
        out[tool.name] = {"wall": median([r.wall for r in tool.runs]),
                          "cpu": median([r.cpu for r in tool.runs]),
                          "rss": median([r.rss_mib for r in tool.runs]),
                          "rss_max": max(r.rss_mib for r in tool.runs),
                          "pages": tool.runs[-1].pages}
    by_name = {tool.name: tool for tool in tools}
    if "cmark" in out and "cp" in out:
        out["floor"] = out["cmark"]["wall"] + out["cp"]["wall"]
    if "thidua-rebuild" in by_name:
        # Per round, so that a slow round slows both builds of the ratio alike.
        out["rebuild_ratio"] = median([r.wall / f.wall for r, f in
                                       zip(by_name["thidua-rebuild"].runs, by_name["thidua"].runs)])
    return out


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(size: int, site: Path, origin: str, tools: list[Tool], runs: int,
           versions: dict[str, str], loads: tuple[str, str]) -> tuple[str, dict]:
    counts = {folder: sum(1 for _ in (site / "content" / folder).glob("*.md"))
              for folder in ("stories", "people", "milestones")}
    markdown_mb = (site / "all.md").stat().st_size / 1e6
    s = summarize(tools)
    lines = [
        f"## {size} stories",
        "",
        f"Site: {counts['stories']} stories, {counts['people']} people, {counts['milestones']} "
        f"milestones; {markdown_mb:.1f} MB of story Markdown ({origin}).  ",
        f"Medians of {runs} run{'s' if runs != 1 else ''}, tools alternated in every round, "
        f"outputs on tmpfs; {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average {loads[0]} before, {loads[1]} after.",
        "",
        "| tool | does | wall s | HTML pages | pages/s | CPU s | peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for tool in tools:
        m = s[tool.name]
        pages = m["pages"]
        per_second = f"{pages / m['wall']:,.0f}" if pages is not None else "–"
        lines.append(
            f"| {versions[tool.name]} | {WHAT[tool.name]} | {fmt_seconds(m['wall'])} | "
            f"{pages if pages is not None else '–'} | {per_second} | "
            f"{fmt_seconds(m['cpu'])} | {m['rss']:.1f} |")
    lines.append("")
    thidua = s["thidua"]
    at = "" if size == 10_000 else " at 10,000 stories"
    if "floor" in s:
        lines.append(f"- **floor = cmark + cp -r: {fmt_seconds(s['floor'])} s** "
                     f"({fmt_seconds(s['cmark']['wall'])} + {fmt_seconds(s['cp']['wall'])}).")
        lines.append(f"- **thidua/floor: {thidua['wall'] / s['floor']:.2f}×** "
                     f"(goal{at} ≤ {FLOOR_GOAL}).")
    if "hugo" in s:
        ratio = s["hugo"]["wall"] / thidua["wall"]
        lines.append(f"- **Hugo/thidua (wall time): {ratio:.2f}×** "
                     f"({'thidua faster' if ratio > 1 else 'Hugo faster'}; goal{at} ≥ {HUGO_GOAL:g}).")
    lines.append(f"- **thidua CPU time (user + system): {thidua['cpu']:.2f} s** "
                 f"(goal{at} ≤ {CPU_GOAL:.2f} s).")
    lines.append(f"- **thidua peak memory (max RSS): {thidua['rss']:.0f} MiB** median, "
                 f"{thidua['rss_max']:.0f} MiB the highest run (goal ≤ {RSS_GOAL_10K} MiB at "
                 f"10,000 stories, ≤ 1 GiB at 100,000).")
    if "rebuild_ratio" in s:
        lines.append(f"- **Unchanged rebuild / fresh build: {s['rebuild_ratio']:.2f}** "
                     f"({fmt_seconds(s['thidua-rebuild']['wall'])} s; median of the rounds' "
                     f"ratios; goal ≤ {REBUILD_GOAL:.2f}).")
    if "thidua-bare" in s:
        share = 1 - s["thidua-bare"]["wall"] / thidua["wall"]
        hugo = (f"; Hugo/bare {s['hugo']['wall'] / s['thidua-bare']['wall']:.2f}×"
                if "hugo" in s else "")
        lines.append(f"- **Templates: {share:.0%} of thidua's wall time** (the bare-theme build "
                     f"takes {fmt_seconds(s['thidua-bare']['wall'])} s{hugo}).")
    if "cmark" in s:
        lines.append(f"- thidua/cmark (wall time): {thidua['wall'] / s['cmark']['wall']:.1f}× "
                     f"(the whole build over bare Markdown rendering of the same story bodies).")
    lines.append("- Every run (wall s): " + "; ".join(
        f"{tool.name} " + " ".join(fmt_seconds(r.wall) for r in tool.runs) for tool in tools) + ".")
    return "\n".join(lines) + "\n", s


def goals(summaries: dict[int, dict]) -> str:
    """The goals of issue 13 against what this invocation measured; empty when it measured
    neither 10,000 nor 100,000 stories (the goals say nothing about other sizes)."""
    rows = []
    ten, hundred = summaries.get(10_000), summaries.get(100_000)
    if ten:
        t = ten["thidua"]
        if "floor" in ten:
            value = t["wall"] / ten["floor"]
            rows.append(("thidua / floor", "10,000", f"{value:.2f}×", f"≤ {FLOOR_GOAL}×",
                         verdict(value <= FLOOR_GOAL)))
        if "hugo" in ten:
            value = ten["hugo"]["wall"] / t["wall"]
            rows.append(("Hugo / thidua", "10,000", f"{value:.2f}×", f"≥ {HUGO_GOAL:g}×",
                         verdict(value >= HUGO_GOAL)))
        rows.append(("thidua CPU time", "10,000", f"{t['cpu']:.2f} s", f"≤ {CPU_GOAL:.2f} s",
                     verdict(t["cpu"] <= CPU_GOAL)))
        rows.append(("thidua peak RSS (highest run)", "10,000", f"{t['rss_max']:.0f} MiB",
                     f"≤ {RSS_GOAL_10K} MiB", verdict(t["rss_max"] <= RSS_GOAL_10K)))
        if "rebuild_ratio" in ten:
            rows.append(("unchanged rebuild / fresh", "10,000", f"{ten['rebuild_ratio']:.2f}",
                         f"≤ {REBUILD_GOAL:.2f}", verdict(ten["rebuild_ratio"] <= REBUILD_GOAL)))
    if hundred:
        t = hundred["thidua"]
        rows.append(("thidua peak RSS (highest run)", "100,000", f"{t['rss_max']:.0f} MiB",
                     "≤ 1024 MiB", verdict(t["rss_max"] <= RSS_GOAL_100K)))
        if ten:
            value = t["wall"] / ten["thidua"]["wall"]
            rows.append(("thidua wall 100,000 / 10,000", "both", f"{value:.1f}×",
                         f"≤ {SCALING_GOAL}×", verdict(value <= SCALING_GOAL)))
        else:
            rows.append(("thidua wall 100,000 / 10,000", "both", "–", f"≤ {SCALING_GOAL}×",
                         "needs --sizes 10000,100000"))
    if not rows:
        return ""
    lines = ["## Goals of issue 13", "", "| goal | stories | measured | target | |",
             "|---|---:|---:|---:|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines) + "\n"
