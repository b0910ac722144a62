"""Progress for long management commands: a bar on a terminal, plain lines in logs, silence for cron.

Usage in a command (the whole API)::

    from cms.operations.progress import Progress, add_quiet_argument, is_quiet

    def add_arguments(self, parser):
        add_quiet_argument(parser)                       # adds --quiet

    def handle(self, *args, **options):
        quiet = is_quiet(options)                        # --quiet or --verbosity 0
        with Progress(self.stdout, total=len(ids), label="Indexing", unit="pages", quiet=quiet) as progress:
            for chunk in chunks(ids):
                ...
                progress.update(len(chunk))              # or progress.set(done)

On a terminal the bar is tqdm's (count, rate, time left, redrawn in place). When the output is a file or a
pipe (cron, systemd, ``make bench``) a plain line is written every ``interval`` seconds and at the end, so
logs stay readable. ``quiet=True`` writes nothing. ``total=None`` is allowed (no percentage or time left);
``progress.total = n`` sets it later.
"""

import os
import time

from tqdm import tqdm

PLAIN_INTERVAL = 10.0


def add_quiet_argument(parser):
    """``--quiet``: no progress and no summary (for cron, which mails any output)."""
    parser.add_argument("--quiet", action="store_true", help="Print nothing but errors (for cron).")


def is_quiet(options: dict) -> bool:
    """True for ``--quiet`` and for ``--verbosity 0`` (as ``call_command(..., verbosity=0)`` passes)."""
    return bool(options.get("quiet")) or options.get("verbosity") == 0


class Progress:
    """Count, rate and time left of one long step; a context manager."""

    def __init__(self, stream, total: int | None, label: str, unit: str = "", quiet: bool = False, interval=None):
        # Django's OutputWrapper appends a newline to every write; a bar redrawn with "\r" needs the real file.
        self.out = getattr(stream, "_out", stream)
        self._total = total
        self.label = label
        self.unit = unit
        self.quiet = quiet
        self.interval = PLAIN_INTERVAL if interval is None else interval
        self.done = 0
        self.started = self.last_line = time.monotonic()
        self.bar = None
        if not quiet and _isatty(self.out):
            # A terminal that reports no size (some CI runners, `script`) would get an empty bar from tqdm.
            sized = _columns(self.out) > 0
            self.bar = tqdm(
                total=total,
                desc=label,
                unit=f" {unit}" if unit else "it",
                file=self.out,
                dynamic_ncols=sized,
                ncols=None if sized else 100,
                nrows=None if sized else 20,  # tqdm draws nothing when it reads 0 rows
            )

    @property
    def total(self) -> int | None:
        return self._total

    @total.setter
    def total(self, total: int | None):
        """Set once the count is known (e.g. after a query), before or during the work."""
        self._total = total
        if self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close(failed=exc_type is not None)

    def update(self, count: int = 1):
        """``count`` more items are done."""
        self.set(self.done + count)

    def set(self, done: int):
        """``done`` items are done in all."""
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done
        if self.bar is None and not self.quiet and time.monotonic() - self.last_line >= self.interval:
            self._line()

    def close(self, failed: bool = False):
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif not self.quiet:
            self._line(final="stopped after" if failed else "done in")
        self.quiet = True  # a second close() writes nothing

    def _line(self, final: str = ""):
        now = time.monotonic()
        self.last_line = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        unit = f" {self.unit}" if self.unit else ""
        count = f"{self.done:,}" if self.total is None else f"{self.done:,}/{self.total:,}"
        parts = [f"{self.label}: {count}{unit}"]
        if self.total:
            parts.append(f"{100 * self.done // self.total}%")
        parts.append(f"{rate:,.1f}/s")
        if final:
            parts.append(f"{final} {tqdm.format_interval(elapsed)}")
        elif self.total and rate > 0:
            parts.append(f"about {tqdm.format_interval((self.total - self.done) / rate)} left")
        self.out.write(", ".join(parts) + "\n")
        self.out.flush()


def _columns(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):  # not a real file, or no size
        return 0


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed file
        return False
