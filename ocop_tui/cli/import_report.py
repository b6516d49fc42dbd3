"""What `ocop-tui import` shows and writes besides its counts: the problems as tables, the records it adds,
changes and removes (the first LISTED of each; all of them with `--report FILE`), where new booths went on
the floor plan, the confirmation asked before a large removal, and the report CSV.

Every value from the files or the store reaches the terminal as rich Text (never markup), cleaned; file
names go through show_path.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ocop_tui.cli.common import EXIT_INVALID, EXIT_UNREADABLE, fail, show_path, stderr, stdin_is_terminal
from ocop_tui.files import atomic_write
from ocop_tui.i18n import format_number, t
from ocop_tui.model import Lang
from ocop_tui.plan.placing import UNPLACED_ZONE, Placement
from ocop_tui.text import clean, escape_formula
from ocop_tui.transfer.changes import CHANGE_KINDS, Change, show_value
from ocop_tui.transfer.importing import ImportCancelled, large_removals
from ocop_tui.transfer.merge import Counts, ImportPlan
from ocop_tui.transfer.problems import ImportProblem

SHOWN_PROBLEMS = 300  # a terminal table beyond this is not read; --report FILE has them all


LISTED = 20  # records listed per kind of change and table; --report FILE has them all


def problem_table(problems: list[ImportProblem], lang: Lang, title: str, style: str) -> Table:
    table = Table(title=title, title_justify="left", title_style=f"bold {style}")
    for key in ("import.col.file", "import.col.row", "import.col.column", "cli.col.value", "cli.col.problem"):
        table.add_column(t(key, lang), overflow="fold")
    for p in problems[:SHOWN_PROBLEMS]:
        table.add_row(Text(clean(p.file)), Text(p.row), Text(clean(p.column)), Text(p.value),
                      Text(clean(p.message(lang)), style=style))  # fmt: skip
    return table


def print_problems(console: Console, problems: list[ImportProblem], lang: Lang, *, errors: bool) -> None:
    if not problems:
        return
    if errors:
        console.print(problem_table(problems, lang, t("import.problems.title", lang), "red"))
    else:
        console.print(problem_table(problems, lang, t("import.warnings.title", lang), "yellow"))
    if len(problems) > SHOWN_PROBLEMS:
        console.print(Text(t("import.more", lang, count=format_number(len(problems) - SHOWN_PROBLEMS, lang))))


def counts_table(counts: dict[str, Counts], lang: Lang) -> Table:
    table = Table()
    table.add_column(t("import.col.table", lang))
    for key in ("import.col.added", "import.col.updated", "import.col.unchanged", "import.col.removed"):
        table.add_column(t(key, lang), justify="right")
    for name, c in counts.items():
        table.add_row(t(f"import.table.{name}", lang),
                      *(format_number(n, lang) for n in (c.added, c.updated, c.unchanged, c.removed)))  # fmt: skip
    return table


def _fields_text(change: Change, lang: Lang) -> str:
    return "; ".join(f"{header}: {show_value(name, old, lang)} → {show_value(name, new, lang)}"
                     for name, header, old, new in change.fields)  # fmt: skip


def change_line(change: Change, lang: Lang) -> Text:
    line = Text("  ") + Text(clean(change.key), style="bold") + Text("  " + clean(change.name))
    if change.kind == "updated" and change.fields:
        line += Text(": " + clean(_fields_text(change, lang)))
    where = change.row if change.kind == "removed" else t("import.changes.row", lang, row=change.row)
    return line + Text(f"  ({where})", style="dim")


def print_changes(console: Console, changes: Sequence[Change], lang: Lang, *, dry_run: bool) -> None:
    """For each table and kind of change (removed first: it is what cannot be taken back), the count and the
    first LISTED records."""
    mode = "dry" if dry_run else "done"
    for table in ("booths", "products"):
        for kind in CHANGE_KINDS:
            found = [c for c in changes if c.table == table and c.kind == kind]
            if not found:
                continue
            style = "bold red" if kind == "removed" else "bold"
            console.print(Text(t(f"import.changes.{kind}.{mode}", lang, table=t(f"import.table.{table}", lang),
                                 count=format_number(len(found), lang)), style=style))  # fmt: skip
            for change in found[:LISTED]:
                console.print(change_line(change, lang))
            if len(found) > LISTED:
                console.print(Text(t("import.changes.more", lang, count=format_number(len(found) - LISTED, lang))))


def print_placement(console: Console, placement: Placement | None, lang: Lang) -> None:
    if placement is None:
        return
    if placement.rebuilt:
        console.print(Text(t("import.placement.rebuilt", lang, count=format_number(len(placement.positions), lang))))
        return
    if placement.in_zone:
        console.print(Text(t("import.placement.in_zone", lang, count=format_number(len(placement.in_zone), lang))))
    if placement.new_zones:
        names = ", ".join(placement.new_zones)
        count = sum(len(numbers) for numbers in placement.new_zones.values())
        console.print(Text(clean(t("import.placement.new_zones", lang, count=format_number(count, lang),
                                   zones=len(placement.new_zones), names=names))))  # fmt: skip
    if placement.overflow:
        count = sum(len(numbers) for numbers in placement.overflow.values())
        console.print(Text(t("import.placement.overflow", lang, count=format_number(count, lang),
                             unplaced=UNPLACED_ZONE)))  # fmt: skip
    if placement.added_width:
        console.print(Text(t("import.placement.wider", lang, cells=placement.added_width)))
    if placement.unplaced:
        console.print(Text(t("import.placement.unplaced", lang, count=format_number(len(placement.unplaced), lang)),
                           style="yellow"))  # fmt: skip


def write_report(path: Path, problems: Sequence[ImportProblem], changes: Sequence[Change],
                 placement: Placement | None, lang: Lang) -> None:  # fmt: skip
    """Every problem, every record added, changed or removed, and every booth placed on the floor plan, as a
    CSV the organiser can open next to the data in Excel (a text starting like a formula stays text)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([t(key, lang) for key in ("import.col.file", "import.col.row", "import.col.column",
                                             "cli.col.value", "cli.col.problem", "cli.col.severity")])  # fmt: skip
    rows: list[list[str]] = []
    for p in problems:
        rows.append([p.file, p.row, p.column, p.value, p.message(lang), t(f"cli.severity.{p.severity}", lang)])
    for c in changes:
        rows.append([c.file, c.row, c.column, c.key, c.name + (": " + _fields_text(c, lang) if c.fields else ""),
                     t(f"import.kind.{c.kind}", lang)])  # fmt: skip
    if placement is not None:
        booth_rows = {c.key: c for c in changes if c.table == "booths"}
        for number, rect in placement.positions.items():
            detail = t("import.report.placed", lang, zone=placement.placed_in.get(number, ""), x=rect.x, y=rect.y)
            source = booth_rows.get(number)
            file, row, column = (source.file, source.row, source.column) if source else ("", "", "")
            rows.append([file, row, column, number, detail, t("import.kind.placed", lang)])
    writer.writerows([[escape_formula(clean(cell)) for cell in row] for row in rows])
    try:
        atomic_write(path, buffer.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        fail(t("export.failed", lang, path=show_path(path), error=exc.strerror or exc), EXIT_UNREADABLE, lang)


def _removal_text(removals: list[tuple[str, int, int]], lang: Lang) -> str:
    parts = [
        t("import.removal", lang, count=format_number(removed, lang), total=format_number(total, lang),
          table=t(f"import.table.lower.{table}", lang), percent=round(100 * removed / total))
        for table, removed, total in removals
    ]  # fmt: skip
    return t("import.removal.and", lang).join(parts)


def _answer_is_yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "yes", "c", "có", "co")


def confirmation(store: Path, lang: Lang, *, yes: bool, pause: Callable[[], None] = lambda: None
                 ) -> Callable[[ImportPlan], None]:  # fmt: skip
    """The `confirm` hook of run_import: a real import that removes more than 10% of a table goes ahead with
    --yes, or when someone at a terminal, shown the list, types yes. Otherwise ImportCancelled.

    The list and the question go to stderr, which stays on the terminal when the output is piped or saved;
    `pause` stops a progress bar first, so that it does not draw over the question."""

    def confirm(plan: ImportPlan) -> None:
        removals = large_removals(plan)
        if not removals or yes:
            return
        if not stdin_is_terminal():
            raise ImportCancelled(removals, asked=False)
        pause()
        console = stderr()
        print_changes(console, [c for c in plan.changes if c.kind == "removed"], lang, dry_run=True)
        question = t("import.confirm.question", lang, what=_removal_text(removals, lang), path=show_path(store))
        try:
            answer = console.input(Text(question, style="bold"))
        except (EOFError, KeyboardInterrupt):
            answer = ""
        if not _answer_is_yes(answer):
            raise ImportCancelled(removals, asked=True)

    return confirm


def cancelled(error: ImportCancelled, store: Path, lang: Lang) -> NoReturn:
    if error.asked:
        stderr().print(Text(t("import.confirm.declined", lang, path=show_path(store))))
        raise SystemExit(EXIT_INVALID)
    fail(t("import.confirm.needs_yes", lang, what=_removal_text(error.removals, lang), path=show_path(store)),
         EXIT_UNREADABLE, lang)  # fmt: skip
