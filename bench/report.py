"""Markdown report and PNG plot from ``results.json``; ``python bench/report.py results.json`` rewrites both."""

import json
import sys
from pathlib import Path

from scenarios import SCENARIOS

COMPARE = {s["key"]: s.get("compare") for s in SCENARIOS}
ADMIN = [s for s in SCENARIOS if s.get("admin")]


def by_key(results: list[dict]) -> dict:
    return {entry["key"]: entry for entry in results}


def measured(entry: dict | None) -> bool:
    return bool(entry) and "rps" in entry


def ratio(a: dict | None, b: dict | None) -> float | None:
    if measured(a) and measured(b) and b["rps"]:
        return a["rps"] / b["rps"]
    return None


def floor_ratio(entry: dict | None, floor_row: dict | None) -> float | None:
    """Against Django's default-middleware floor: the floor measured right after this scenario if the run paired
    them (bench/run.py, same load), else the floor's own row."""
    if measured(entry) and entry.get("floor", {}).get("rps"):
        return entry["rps"] / entry["floor"]["rps"]
    return ratio(entry, floor_row)


def single(entry: dict) -> str:
    return f"{entry['single_ms']:.0f}" if "single_ms" in entry else "—"


def fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3g}×"


def scenario_table(results: list[dict]) -> list[str]:
    entries = by_key(results)
    lines = [
        "| Scenario | req/s | p50 ms | p95 ms | p99 ms | 1 client ms | SQL queries | peak RSS/worker MB "
        "| vs stock | vs bare | vs Django floor | Django floor right after: req/s, 1 client ms, load |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for entry in results:
        if not measured(entry):
            lines.append(f"| {entry['label']} | {entry['status']} | | | | | | | | | | |")
            continue
        stock = fmt_ratio(ratio(entry, entries.get(COMPARE.get(entry["key"]) or "")))
        bare = fmt_ratio(ratio(entry, entries.get("bare")))
        floor = fmt_ratio(floor_ratio(entry, entries.get("django_default")))
        failures = f" ({entry['status']})" if entry["status"] != "ok" else ""
        paired = entry.get("floor")
        after = f"{paired['rps']:.1f}, {paired['single_ms']}, {paired['load_average']}" if paired else "—"
        lines.append(
            f"| {entry['label']}{failures} | {entry['rps']:.1f} | {entry['p50']:.0f} | {entry['p95']:.0f} "
            f"| {entry['p99']:.0f} | {single(entry)} | {entry['queries']} | {entry['peak_rss_mb']} "
            f"| {stock} | {bare} | {floor} | {after} |"
        )
    return lines


def get(run: dict, size: int, mode: str, key: str) -> dict | None:
    for step in run["sizes"]:
        if step["size"] == size and mode in step["modes"]:
            return by_key(step["modes"][mode]).get(key)
    return None


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def admin_entry(run: dict, size: int, key: str) -> dict | None:
    """An admin scenario at ``size`` in whichever cache mode measured it (bench/run.py: the run's first)."""
    for step in run["sizes"]:
        if step["size"] == size:
            for results in step["modes"].values():
                if measured(entry := by_key(results).get(key)):
                    return entry
    return None


def admin_target(run: dict, sizes: list[int]) -> tuple[str, bool | None]:
    """The admin screens' one-client medians at 100,000 pages (judged), else at the largest size (shown only)."""
    size = 100_000 if 100_000 in sizes else max(sizes, default=None)
    entries = [(s["label"], admin_entry(run, size, s["key"])) for s in ADMIN] if size else []
    entries = [(label, entry) for label, entry in entries if entry]
    if not entries:
        return "needs an admin scenario (bench/scenarios.py) measured", None
    latencies = [entry.get("single_ms", entry["p50"]) for _label, entry in entries]
    text = f"at {size:,} pages: " + ", ".join(
        f"{label} {latency:.0f} ms" for (label, _entry), latency in zip(entries, latencies, strict=True)
    )
    if size != 100_000:
        return text + " (judged at 100,000 pages)", None
    return text, max(latencies) <= 300


def targets(run: dict) -> list[str]:
    """The issue's targets, judged on this run's figures; "n/a" when the run cannot tell."""
    sizes = [step["size"] for step in run["sizes"]]
    modes = sorted({mode for step in run["sizes"] for mode in step["modes"]}, key=int)
    # The uncached mode ("0") and the longest cached one; a run of one mode judges only its own targets.
    off = "0" if "0" in modes else None
    on = next((mode for mode in reversed(modes) if int(mode)), None)
    rows = []

    listing = [get(run, size, off, "api_listing") for size in sizes]
    queries = [entry["queries"] for entry in listing if measured(entry)]
    ok = None if not queries else max(queries) <= 10 and max(queries) - min(queries) <= 1
    rows.append(("Listing SQL queries ≤ 10 and flat across sizes", ", ".join(map(str, queries)) or "—", ok))

    ratios = [ratio(get(run, s, off, "api_listing"), get(run, s, off, "stock_listing")) for s in sizes]
    ratios = [r for r in ratios if r is not None]
    text = ", ".join(f"{r:.1f}×" for r in ratios) or "—"
    rows.append(("Uncached listing ≥ 5× stock PagesAPIViewSet req/s", text, min(ratios) >= 5 if ratios else None))

    ratios = [ratio(get(run, s, on, "api_listing"), get(run, s, on, "bare")) for s in sizes] if on else []
    ratios = [r for r in ratios if r is not None]
    text = ", ".join(f"{r:.2f}×" for r in ratios) or "—"
    rows.append(("Cached listing ≥ 0.5× bare view req/s", text, min(ratios) >= 0.5 if ratios else None))

    cached = (("api_listing", "Cached API listing"), ("home", "Cached home page"), ("news_detail", "Cached article"))
    for key, label in cached:
        ratios = [floor_ratio(get(run, s, on, key), get(run, s, on, "django_default")) for s in sizes]
        ratios = ratios if on else []
        ratios = [r for r in ratios if r is not None]
        text = ", ".join(f"{r:.2f}×" for r in ratios) or "—"
        ok = min(ratios) >= 0.5 if ratios else None
        rows.append((f"{label} ≥ 0.5× bare view with Django's default middleware", text, ok))

    home = [get(run, size, off, "home") for size in sizes]
    queries = [entry["queries"] for entry in home if measured(entry)]
    ok = max(queries) <= 15 if queries else None
    rows.append(("Home page ≤ 15 SQL queries", ", ".join(map(str, queries)) or "—", ok))

    # Latency targets: judged on one client's median (no queueing) where the run has it, locust's p50 besides.
    home = get(run, 100_000, off, "home")
    text, ok = "needs the home page at 100,000 pages", None
    if measured(home):
        latency = home.get("single_ms", home["p50"])
        text, ok = f"{latency:.0f} ms one client; p50 {home['p50']:.0f} ms under {run['users']} users", latency <= 20
    rows.append(("Uncached home page ≤ 20 ms one client at 100,000 pages", text, ok))
    rows.append(("Admin screens p50 ≤ 300 ms one client", *admin_target(run, sizes)))

    search = get(run, 100_000, off, "api_search") if run["database"] == "PostgreSQL" else None
    text, ok = "needs API search at 100,000 pages on PostgreSQL", None
    if measured(search):
        latency = search.get("single_ms", search["p50"])
        text = f"{latency:.0f} ms one client; p50 {search['p50']:.0f} ms under {run['users']} users"
        ok = latency <= 50
    rows.append(("Search p50 ≤ 50 ms at 100,000 pages (PostgreSQL)", text, ok))

    first, last = get(run, sizes[0], off, "api_listing") if sizes else None, get(run, 100_000, off, "api_listing")
    ok = None
    text = "needs sizes 1,000 and 100,000"
    if sizes and sizes[0] == 1000 and measured(first) and measured(last):
        a, b = first.get("single_ms", first["p50"]), last.get("single_ms", last["p50"])
        ok = b <= 1.5 * a
        text = f"{a:.0f} → {b:.0f} ms one client ({b / a:.2f}×); p50 {first['p50']:.0f} → {last['p50']:.0f} ms loaded"
    rows.append(("Listing latency at 100,000 pages ≤ 1.5× at 1,000", text, ok))

    lines = ["| Target | This run | Verdict |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {verdict(ok)} |" for name, value, ok in rows]
    return lines


def load_note(run: dict) -> str:
    """Other processes on the machine skew every figure; the report says how busy it was."""
    loads = [
        entry["load_average"]
        for step in run["sizes"]
        for results in step["modes"].values()
        for entry in results
        if "load_average" in entry
    ]
    if not loads:
        return ""
    return f"1-minute load average before each scenario: {min(loads)}–{max(loads)} on {run['cpus']} CPUs."


def surge_section(surge: dict) -> list[str]:
    visible = surge["published_visible_s"]
    return [
        "## Surge with the database stopped",
        "",
        f"{surge['rate']:.0f} req/s scheduled (20× normal) on the home page and the newest article for "
        f"{surge['seconds']} s, the database unreachable for {surge['outage_seconds']} s in the middle "
        f"(bench/surge.py says how); page cache fresh for 10 s. Load average {surge['load_average']} at the end.",
        "",
        "| Requests | achieved req/s | failed | failed during outage | served stale | longest gap s "
        "| p50 ms | p99 ms | new article on home after restore |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {surge['requests']} | {surge['achieved_rate']} | {surge['failed']} {surge['failed_statuses'] or ''} "
        f"| {surge['failed_during_outage']} | {surge['stale']} | {surge['longest_gap_s']} | {surge['p50_ms']} "
        f"| {surge['p99_ms']} | {'not within 30 s' if visible is None else f'{visible} s'} |",
        "",
        # A worker that boots mid-surge (gunicorn's max_requests) answers nothing while it imports the portal,
        # and starts with an empty local-memory page cache: the first suspect for a gap.
        f"Workers booted during the surge, seconds after its start: {surge.get('worker_boots_at_s') or 'none'}.",
        "",
    ]


def loaded_how(step: dict) -> str:
    """How the step's pages got there: seeded by this run, restored from a snapshot (BENCH_SNAPSHOTS), or as found."""
    if snapshot := step.get("snapshot"):
        on_top = f" on top of {snapshot['seeded_from']:,}" if snapshot["seeded_from"] else ""
        return (
            f"from the snapshot made {snapshot['made']} on commit `{snapshot['commit']}`, where seeding{on_top} "
            f"took {snapshot['seed_seconds']} s and the search index {snapshot['index_seconds']} s, at a load "
            f"average of {snapshot['load_average'][0]}"
        )
    return "by an earlier run" if step["seed_seconds"] is None else f"in {step['seed_seconds']} s"


def write_report(run: dict, path: Path):
    backend = run["database"] + (" + Redis" if run["redis"] else " (local-memory cache)")
    lines = [
        "# Benchmark report",
        "",
        f"Run {run['started']} on commit `{run['commit']}`: {backend}, gunicorn with {run['workers']} sync workers "
        f"on {run['cpus']} CPUs, locust with {run['users']} users for {run['seconds']} s per scenario, "
        "all on 127.0.0.1 (the load generator shares the CPUs with the server).",
        "",
        "Columns: requests per second; latency percentiles (ms) under load; median latency of one client "
        "making sequential requests (no queueing); SQL statements for one request after warm-up; "
        "peak resident memory of the largest gunicorn worker during the scenario; ratio of req/s to the stock "
        "Wagtail API baseline and to the bare Django view (the floor) in the same mode; against Django's "
        "default-middleware floor the ratio is to that floor measured right after the scenario (same load, "
        "`BENCH_PAIRED_FLOOR`, last column) where the run paired them, else to the floor's own row. "
        '"not available" means the URL answered 404 on this code.',
        "",
        load_note(run),
        "",
        "## Targets",
        "",
        *targets(run),
        "",
    ]
    for step in run["sizes"]:
        loaded = loaded_how(step)
        lines += [
            f"## {step['size']:,} seeded pages ({step['pages']:,} pages in the tree, loaded {loaded})",
            "",
        ]
        for mode, results in step["modes"].items():
            state = "page cache on" if int(mode) else "page cache off"
            lines += [f"### {state} (API_CACHE_SECONDS=PAGE_CACHE_SECONDS={mode})", "", *scenario_table(results), ""]
    if surge := run.get("surge"):
        lines += surge_section(surge)
    lines += ["![Latency and queries against page count](plot.png)", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_plot(run: dict, path: Path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    modes = sorted({mode for step in run["sizes"] for mode in step["modes"]}, key=int)
    off = modes[0] if modes else "0"
    pages = [step["pages"] for step in run["sizes"]]
    figure, (latency_axis, query_axis) = plt.subplots(1, 2, figsize=(13, 5))
    for scenario in SCENARIOS:
        entries = [by_key(step["modes"].get(off, [])).get(scenario["key"]) for step in run["sizes"]]
        points = [(p, e) for p, e in zip(pages, entries, strict=True) if measured(e)]
        if not points:
            continue
        xs = [p for p, _ in points]
        style = "--" if scenario.get("baseline") else "-"
        latency_axis.plot(xs, [e["p50"] for _, e in points], style, marker="o", label=scenario["label"])
        query_axis.plot(xs, [e["queries"] for _, e in points], style, marker="o", label=scenario["label"])
    for axis, title, unit in (
        (latency_axis, f"p50 latency (API_CACHE_SECONDS={off})", "ms"),
        (query_axis, "SQL queries per request", "queries"),
    ):
        axis.set_xscale("log")
        axis.set_xlabel("pages in the tree")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, alpha=0.3)
    query_axis.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1))
    figure.suptitle(f"{run['database']}{' + Redis' if run['redis'] else ''}, commit {run['commit']}")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


if __name__ == "__main__":
    results_path = Path(sys.argv[1] if len(sys.argv) > 1 else "bench-results/results.json")
    data = json.loads(results_path.read_text(encoding="utf-8"))
    write_report(data, results_path.with_name("report.md"))
    write_plot(data, results_path.with_name("plot.png"))
