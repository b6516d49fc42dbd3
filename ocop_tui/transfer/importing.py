"""Import booths and products from organisers' spreadsheets (CSV, Excel, JSON) into the store.

Nothing is written unless every row is right, and every mistake is reported at once, located as the
organiser sees it: file, row number as the spreadsheet shows it (the header is row 1), column header as
written in the file, the value and what is wrong. Three stages, each in its own module:

1. sheets.py, `read_sheet()` (excel.py for workbooks): the cells of one file, exactly as written, only
   from a regular file within the limits (limits.py); a CSV is read as a stream. CSV must be UTF-8 (with
   or without a BOM, comma, semicolon or tab separated); bytes that are not UTF-8 are reported with their
   byte offset, never decoded with a guessed encoding (cp1258 would silently turn "Việt" into mojibake).
2. rows.py, `parse_table()`: the header row found below any letterhead and mapped to the data contract
   (headers.py: its field names, or the Vietnamese and English headers organisers use, case- and
   accent-insensitive; STT and Ghi chú columns and total rows passed over); values organisers write
   ("Thực phẩm", "Hợp tác xã", "4 sao", "150.000 đ") turned into contract values (values.py); each row
   checked with the contract's own rules, plus duplicates within the file.
3. merge.py, `plan_import()`: checks against the store (duplicates, booth references) and builds the new
   tables, merging by booth number / product code or replacing whole tables; every change is listed
   (changes.py) and new booths are given a place on the floor plan (placement.py).

`run_import()` here ties them together and writes through store.writing.write_store (locked, atomic,
backed up); the plan is made again inside the lock, so an import running at the same moment is never
overwritten. Before a real write, `confirm` sees the plan and may stop the import (`--replace` removing
much of a table asks first: large_removals).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from ocop_tui.plan.placing import Placement
from ocop_tui.plan.shapes import POSITION_FIELDS
from ocop_tui.store import writing
from ocop_tui.store.contract import Problem, check_tables
from ocop_tui.store.reading import Tables, read_tables
from ocop_tui.store.writing import WriteResult, write_store
from ocop_tui.transfer.changes import Change
from ocop_tui.transfer.headers import Progress
from ocop_tui.transfer.limits import ImportLimits
from ocop_tui.transfer.merge import Counts, ImportPlan, plan_import
from ocop_tui.transfer.problems import ImportFileError, ImportProblem, ImportRejected
from ocop_tui.transfer.rows import ParsedTable, parse_table
from ocop_tui.transfer.sheets import read_sheet
from ocop_tui.transfer.source import file_label


@dataclass
class ImportResult:
    counts: dict[str, Counts]
    problems: list[ImportProblem]  # warnings only: with an error nothing is written (ImportRejected)
    dry_run: bool
    write: WriteResult | None = None
    changes: list[Change] = field(default_factory=list)
    placement: Placement | None = None

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.counts.values())


LARGE_REMOVAL = 0.10  # a real import removing more than this share of a table asks first


def large_removals(plan: ImportPlan) -> list[tuple[str, int, int]]:
    """(table, records removed, records before) for each table the import would empty by more than 10%."""
    return [
        (table, counts.removed, plan.totals.get(table, 0))
        for table, counts in plan.counts.items()
        if counts.removed and counts.removed > LARGE_REMOVAL * plan.totals.get(table, 0)
    ]


class ImportCancelled(Exception):
    """`confirm` said no (or could not ask): nothing was written."""

    def __init__(self, removals: list[tuple[str, int, int]], asked: bool) -> None:
        super().__init__("import cancelled")
        self.removals = removals
        self.asked = asked


class StoreChangedMeanwhile(Exception):
    """The store changed between the confirmation and the write, so the confirmed plan no longer holds."""


def _sort_problems(problems: list[ImportProblem], files: Sequence[str]) -> list[ImportProblem]:
    order = {name: index for index, name in enumerate(files)}

    def key(p: ImportProblem) -> tuple[int, int, str]:
        row = p.row.lstrip("#")
        return (order.get(p.file, len(order)), int(row) if row.isdigit() else 0, p.row)

    return sorted(problems, key=key)


def _result_problems(store_label: str, problems: list[Problem], plan: ImportPlan) -> list[ImportProblem]:
    """The store's own checks on the tables after the import (floor plan overlaps, a store already
    broken...): placed on the file row a document comes from, else on the store's document id.
    Warnings are kept only for imported rows: the rest of the store is not this import's business."""
    found = []
    already = {(q.file, q.row) for q in plan.problems}  # e.g. an orphaned product, said once
    for p in problems:
        source = plan.origin.get((p.table, p.record))
        if source is not None:
            parsed, row = source
            name = p.field.split(".")[0]
            if p.table == "booths" and name in POSITION_FIELDS and name not in parsed.columns:
                if p.message.startswith("has no position"):
                    continue  # placement left it without one, and said so (import.warn.no_place)
                # Not on a column the organiser never wrote: on the booth's number, naming the field.
                found.append(ImportProblem(parsed.file, row, parsed.column("booth_no"), p.value,
                                           "import.check.position", (("field", name), ("message", p.message)),
                                           p.severity))  # fmt: skip
                continue
            column = parsed.columns.get(name, p.field)
            found.append(ImportProblem(parsed.file, row, column, p.value, "import.check", (("message", p.message),),
                                       p.severity))  # fmt: skip
        elif p.is_error and (store_label, f"#{p.record}") not in already:
            message = (("message", f"{p.table}: {p.message}"),)
            found.append(ImportProblem(store_label, f"#{p.record}" if p.record else "", p.field, p.value,
                                       "import.check", message, p.severity))  # fmt: skip
    return found


def write_tables(db: TinyDB, tables: Tables, names: Iterable[str]) -> None:
    """Put whole tables into `db` with TinyDB's own API, keeping document ids, in one pass per table
    (inserting documents one by one would rewrite the table each time: O(n²))."""
    for name in names:
        if not all(isinstance(doc_id, str) and doc_id.isdigit() for doc_id in tables[name]):
            # Ids TinyDB itself could not read back as numbers: write the table as it is.
            whole = db.storage.read() or {}
            whole[name] = tables[name]
            db.storage.write(whole)
            continue
        table = db.table(name)
        table.truncate()
        table.insert_multiple(Document(doc, doc_id=int(doc_id)) for doc_id, doc in tables[name].items())


def _removed(plan: ImportPlan) -> set[tuple[str, str]]:
    return {(c.table, c.row) for c in plan.changes if c.kind == "removed"}


def run_import(
    store: Path,
    *,
    booths: Path | None = None,
    products: Path | None = None,
    replace: bool = False,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
    lock_timeout: float | None = None,
    limits: ImportLimits | None = None,
    confirm: Callable[[ImportPlan], None] | None = None,
) -> ImportResult:
    """Read, check and (unless `dry_run`) write. Raises ImportFileError (exit 2), ImportRejected (exit 1),
    whatever `confirm` raises to stop (ImportCancelled), StoreChangedMeanwhile and the store's StoreError;
    with any of them the store is not touched."""
    if booths is None and products is None:
        raise ImportFileError("", "import.usage.nothing")
    store = Path(store)
    parsed: dict[str, ParsedTable] = {}
    for table, path in (("booths", booths), ("products", products)):
        if path is not None:
            if progress is not None:
                progress("import.progress.read", 0, 0)
            sheet_cells = read_sheet(path, table, sheet=sheet, limits=limits)  # type: ignore[arg-type]
            try:
                parsed[table] = parse_table(sheet_cells, table, progress=progress)  # type: ignore[arg-type]
            finally:
                sheet_cells.close()
    problems = [p for table in parsed.values() for p in table.problems]
    label = file_label(store)
    files = [table.file for table in parsed.values()] + [label]

    current, _ = read_tables(store)
    plan = plan_import(current, parsed.get("booths"), parsed.get("products"), replace=replace, store_label=label)
    problems += plan.problems
    # The store's own rules on the result (the floor plan's placement of booths...), reported on the
    # file's rows; rows refused above are not in plan.tables, so nothing is said twice. A dry run checks
    # the whole result, as write_store will. A real import skips the products here: each imported one
    # was checked row by row above, and write_store checks them all again under the lock anyway.
    result = plan.tables if dry_run else dict(plan.tables, products={})
    problems += _result_problems(label, check_tables(result).problems, plan)
    problems = _sort_problems(problems, files)
    if any(p.is_error for p in problems):
        raise ImportRejected(problems)
    if dry_run or not any(c.changed for c in plan.counts.values()):
        return ImportResult(plan.counts, problems, dry_run, changes=plan.changes, placement=plan.placement)
    if confirm is not None:
        confirm(plan)
    confirmed = _removed(plan)
    # The store is planned again under the lock: this plan, the store as read and the check's records are
    # not needed any more, and at a million rows they are gigabytes.
    del plan, current, result

    final: dict[str, ImportPlan] = {}

    def change(db: TinyDB) -> None:
        # Planned again on the tables as they are under the lock: another import may have written
        # since the check above, and its changes must not be lost.
        locked = plan_import(
            db.storage.read() or {}, parsed.get("booths"), parsed.get("products"), replace=replace,
            store_label=label,
        )  # fmt: skip
        if locked.errors:
            raise ImportRejected(_sort_problems(locked.problems, files))
        if confirm is not None and _removed(locked) != confirmed:
            raise StoreChangedMeanwhile()
        if progress is not None:
            progress("import.progress.write", 0, 0)
        for table in parsed.values():
            table.rows = []  # now in locked.tables: the records need not be held while the store is checked
        write_tables(db, locked.tables, locked.changed_tables)
        final["plan"] = locked

    if lock_timeout is None:
        lock_timeout = writing.LOCK_TIMEOUT_SECONDS  # read now, so a test or caller may lower it
    written = write_store(store, change, lock_timeout=lock_timeout)
    done = final["plan"]
    return ImportResult(done.counts, problems, False, written, done.changes, done.placement)
