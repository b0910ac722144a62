"""The import report: counts per type, warnings, missing files and HTML kept raw for review."""

import resource
import time
from collections import Counter
from dataclasses import dataclass, field

# Lists keep this many entries each (the totals stay exact), so a huge, messy source cannot grow memory.
LIST_LIMIT = 5000


@dataclass
class Report:
    dry_run: bool = False
    started: float = field(default_factory=time.monotonic)
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> n
    warnings: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    raw_html: list[str] = field(default_factory=list)
    totals: Counter = field(default_factory=Counter)  # list name -> entries seen, including those not kept

    def count(self, kind: str, outcome: str, n: int = 1):
        self.counts[(kind, outcome)] += n

    def _add(self, name: str, entry: str):
        self.totals[name] += 1
        entries = getattr(self, name)
        if len(entries) < LIST_LIMIT:
            entries.append(entry)

    def warn(self, message: str):
        self._add("warnings", message)

    def missing(self, path: str, where: str):
        self._add("missing_files", f"{path} ({where})")

    def kept_raw(self, where: str, reason: str):
        self._add("raw_html", f"{where}: {reason}")

    @property
    def changed(self) -> int:
        return sum(n for (kind, outcome), n in self.counts.items() if outcome in ("created", "updated"))

    def render(self) -> str:
        elapsed = time.monotonic() - self.started
        title = "NukeViet import report" + (" (dry run: nothing written)" if self.dry_run else "")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        lines = [f"# {title}", "", f"Elapsed: {elapsed:.1f} s; peak memory (RSS) of this process: {peak:.0f} MB"]
        lines += ["", "## Counts", "", "| type | outcome | count |"]
        lines.append("| --- | --- | --- |")
        for (kind, outcome), n in sorted(self.counts.items()):
            lines.append(f"| {kind} | {outcome} | {n} |")
        for name, heading in (
            ("warnings", "Warnings"),
            ("missing_files", "Missing files"),
            ("raw_html", "HTML kept as a raw block for review"),
        ):
            entries = getattr(self, name)
            total = self.totals[name]
            lines += ["", f"## {heading} ({total})", ""]
            lines += [f"- {entry}" for entry in entries]
            if total > len(entries):
                lines.append(f"- … and {total - len(entries)} more")
        return "\n".join(lines) + "\n"
