"""One progress bar for the long commands: description, bar, done/total, rate, elapsed and ETA, on stderr."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
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
)
from rich.text import Text


def average_rate(task: Task) -> float | None:
    """Items per second since the task started: batches finish seconds apart, so rich's 30-second window
    of samples often holds one sample and no rate; the average over the run always has one."""
    elapsed = task.finished_time if task.finished else task.elapsed
    if not elapsed or not task.completed:
        return None
    return task.completed / elapsed


class RateColumn(ProgressColumn):
    """Items per second, averaged since the task started."""

    def __init__(self, unit: str = "articles") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        rate = average_rate(task)
        return Text("" if rate is None else f"{rate:.1f} {self.unit}/s", style="progress.data.speed")


class EtaColumn(ProgressColumn):
    """"eta 0:01:23" from the average rate, once a task has a total; nothing for a task that only counts."""

    def render(self, task: Task) -> Text:
        if task.total is None or task.finished:
            return Text("")
        rate = average_rate(task)
        if rate is None:
            return Text("eta -:--:--", style="progress.remaining")
        left = int(max(task.total - task.completed, 0) / rate)
        return Text(f"eta {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}", style="progress.remaining")


def progress_bar(console: Console | None = None, unit: str = "articles", transient: bool = True,
                 disable: bool = False) -> Progress:
    """A rich Progress with a total, a rate and an ETA (a task without a total shows a pulse and its count)."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(unit),
                    TimeElapsedColumn(), EtaColumn(), console=console or Console(stderr=True), transient=transient,
                    disable=disable)


def call_with_steps(process: Callable, batch: Sequence, advance: Callable[[int], None]):  # type: ignore[type-arg]
    """``process(batch)``, advancing the bar as the engine reports articles done (``progress=``), and by
    the rest of the batch when it returns, so the bar moves within a batch and always ends exact."""
    reported = [0]

    def step(n: int) -> None:
        reported[0] += n
        advance(n)

    takes_progress = "progress" in inspect.signature(process).parameters
    result = process(batch, progress=step) if takes_progress else process(batch)
    if reported[0] < len(batch):
        advance(len(batch) - reported[0])
    return result


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
            before = self.checked

            def advance(n: int) -> None:
                self.checked += n
                self._update_total()

            result = call_with_steps(process, batch, advance)
            self.checked = before + len(batch)
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
