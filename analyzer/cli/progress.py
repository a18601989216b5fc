"""One progress bar for the long commands: description, bar, done/total, rate, elapsed and ETA, on stderr."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second, from rich's own speed estimate."""

    def __init__(self, unit: str = "articles") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} {self.unit}/s", style="progress.data.speed")


def progress_bar(console: Console | None = None, unit: str = "articles", transient: bool = True,
                 disable: bool = False) -> Progress:
    """A rich Progress with a total, a rate and an ETA (a task without a total shows a pulse and its count)."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(unit),
                    TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                    console=console or Console(stderr=True), transient=transient, disable=disable)


@contextmanager
def article_progress(total: int, label: str, disable: bool = False) -> Iterator[Callable[[int], None]]:
    """A bar over ``total`` articles; yields ``advance(n)``."""
    with progress_bar(disable=disable) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


def short_source(source: str, width: int = 40) -> str:
    """A source name that fits the bar: the end of a long path or URL."""
    return source if len(source) <= width else "…" + source[-(width - 1):]


class RunProgress:
    """The bars of `analyzer run`: articles read (per source), and articles checked out of those to check.

    Sources are read as a stream, so the total to check grows while they are read: it is the
    backlog already checked plus the new articles accepted so far (``summary.new``), and it is exact
    once the last source is read; the rate and the ETA follow it.
    """

    def __init__(self, console: Console, checking: bool = True) -> None:
        self.progress = progress_bar(console)
        self.checking = checking
        self.read_count = 0
        self.checked = 0
        self._checked_before_reading = 0
        self._summary = None
        self._started = 0.0
        self._wall = 0.0

    def __enter__(self) -> RunProgress:
        import time

        self._started = time.perf_counter()
        self.progress.__enter__()
        self.read_task = self.progress.add_task("reading", total=None)
        self.check_task = self.progress.add_task("checking", total=None, visible=self.checking)
        return self

    def __exit__(self, *exc: object) -> None:
        import time

        self._wall = time.perf_counter() - self._started
        self.progress.__exit__(*exc)  # type: ignore[arg-type]

    def follow(self, summary: object) -> None:
        """The run's summary, whose ``new`` count says how many accepted articles wait to be checked."""
        self._summary = summary

    def read(self, source: str) -> None:
        if self.read_count == 0:
            self._checked_before_reading = self.checked
        self.read_count += 1
        self.progress.update(self.read_task, advance=1, description=f"reading {short_source(source)}")
        self._update_total()

    def _update_total(self) -> None:
        new = getattr(self._summary, "new", 0) if self._summary is not None else 0
        reading = self.read_count > 0
        waiting = max(new - (self.checked - self._checked_before_reading), 0) if reading else 0
        self.progress.update(self.check_task, total=self.checked + waiting or None, completed=self.checked)

    def wrap(self, process: Callable | None) -> Callable | None:
        """``process`` counting the articles it checks (None stays None: an ingest-only run)."""
        if process is None:
            return None

        def counted(batch):  # type: ignore[no-untyped-def]
            if self.progress.tasks[self.check_task].total is None:
                self.progress.update(self.check_task, total=self.checked + len(batch))
            result = process(batch)
            self.checked += len(batch)
            self._update_total()
            return result

        return counted

    def timing(self) -> str:
        """One line: wall time, and articles read and checked per second."""
        wall = max(self._wall, 1e-9)
        line = f"time: {self._wall:.1f} s; read {self.read_count} articles ({self.read_count / wall:.1f}/s)"
        if self.checking:
            line += f", checked {self.checked} ({self.checked / wall:.1f} articles/s)"
        return line
