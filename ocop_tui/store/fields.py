"""The complete check of one document, derived from the records' declarations in ocop_tui.model.

msgspec.inspect reads every field of Fair, Booth and Product: its kind (text, whole number, one of a set of
keys, true/false), whether the file must give it and its limits. `check_document` walks those rules and
reports every problem of a document (table, record, field, message, value), where msgspec itself stops at the
first; text is cleaned of control and bidi characters (with a warning), normalised to NFC and stripped.
The rules that span fields of one record (a product set inside its group, a booth's x, y, w, h together, the
fair's dates and version) are written once here, as RecordRules, and the fast path (contract.py) applies the
same ones.

A document that msgspec accepts as it is (the fields the contract does not name set aside in `extra`), whose
text needs no cleaning, is taken at once: the field-by-field walk would give the very same record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args, get_origin

import msgspec
from msgspec import inspect as typeinfo

from ocop_tui.model import NO_EXTRA, PRODUCT_SETS, SCHEMA_VERSION, Booth, Fair, Product, Record
from ocop_tui.plan.shapes import POSITION_FIELDS
from ocop_tui.store.problems import Problem, TooLongInteger, holds_too_long_integer, json_kind, show_value
from ocop_tui.text import clean, visible

Kind = Literal["text", "whole", "choice", "flag", "any"]
TableName = Literal["fair", "booths", "products"]
RECORD_TYPES: dict[TableName, type[Record]] = {"fair": Fair, "booths": Booth, "products": Product}
EXTRA = "extra"  # the record's own field for what the document holds beyond the contract


@dataclass(frozen=True, slots=True)
class FieldRule:
    """What the contract says about one field of a document, as read from its declaration."""

    name: str
    kind: Kind
    required: bool  # the file must give it; required text may not be empty either
    default: Any = None
    max_length: int | None = None
    multiline: bool = False  # text that keeps its line breaks
    key: bool = False  # a booth number or code: no invisible characters
    pattern: re.Pattern[str] | None = None
    form: str = ""  # what the pattern stands for, in a message: "an ISO date (YYYY-MM-DD)"
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()

    @property
    def bounds(self) -> str:
        """The allowed range, as messages say it."""
        if self.low is not None and self.high is not None:
            return f"{self.low}..{self.high}"
        if self.low == 0:
            return "0 or more"
        return f"at least {self.low}" if self.low is not None else f"at most {self.high}"


def _declared_choices(annotation: Any) -> tuple[str, ...]:
    """A Literal's values in the order they were declared (msgspec.inspect sorts them): the label tables' order."""
    if get_origin(annotation) is Literal:
        return tuple(map(str, get_args(annotation)))
    return next(filter(None, map(_declared_choices, get_args(annotation))), ())


def _rule(field: typeinfo.Field, annotation: Any) -> FieldRule:
    info: Any = field.type
    if isinstance(info, typeinfo.UnionType):  # `X | None`: null means "not given"
        (info,) = [member for member in info.types if not isinstance(member, typeinfo.NoneType)]
    extra: dict[str, Any] = {}
    form = ""
    if isinstance(info, typeinfo.Metadata):
        extra = dict(info.extra or {})
        form = (info.extra_json_schema or {}).get("description", "")
        info = info.type
    required = field.required or bool(extra.get("required"))
    default = None if field.required else field.default
    name = field.encode_name
    if isinstance(info, typeinfo.StrType):
        pattern = re.compile(info.pattern) if info.pattern else None
        return FieldRule(name, "text", required, default, info.max_length, bool(extra.get("multiline")),
                         bool(extra.get("key")), pattern, form)  # fmt: skip
    if isinstance(info, typeinfo.IntType):
        return FieldRule(name, "whole", required, default, low=info.ge, high=info.le)
    if isinstance(info, typeinfo.LiteralType):
        return FieldRule(name, "choice", required, default, choices=_declared_choices(annotation))
    if isinstance(info, typeinfo.BoolType):
        return FieldRule(name, "flag", required, default)
    if isinstance(info, typeinfo.AnyType):
        return FieldRule(name, "any", required, default)
    raise TypeError(f"the contract has no rule for {name}: {info}")


def _rules(cls: type[Record]) -> tuple[FieldRule, ...]:
    info = typeinfo.type_info(cls)
    assert isinstance(info, typeinfo.StructType)
    annotations = {field.name: field.type for field in msgspec.structs.fields(cls)}
    return tuple(_rule(field, annotations[field.name]) for field in info.fields if field.name != EXTRA)


RULES: dict[TableName, tuple[FieldRule, ...]] = {table: _rules(cls) for table, cls in RECORD_TYPES.items()}
FIELDS: dict[TableName, tuple[str, ...]] = {table: tuple(r.name for r in rules) for table, rules in RULES.items()}
REQUIRED: dict[TableName, tuple[str, ...]] = {
    table: tuple(r.name for r in rules if r.required) for table, rules in RULES.items()
}
RULE_OF: dict[TableName, dict[str, FieldRule]] = {table: {r.name: r for r in rules} for table, rules in RULES.items()}
KNOWN: dict[TableName, frozenset[str]] = {table: frozenset(names) for table, names in FIELDS.items()}
REQUIRED_SET: dict[TableName, frozenset[str]] = {table: frozenset(names) for table, names in REQUIRED.items()}
TEXT_FIELDS: dict[TableName, tuple[str, ...]] = {
    table: tuple(r.name for r in rules if r.kind == "text") for table, rules in RULES.items()
}


# Rules across the fields of one record --------------------------------------------------------------

INVALID: Any = object()  # a field whose own check failed: the record rules leave it alone
Found = Iterator[tuple[str, str, Any]]  # (field, message, value) of each error


@dataclass(frozen=True, slots=True)
class RecordRule:
    """A rule over several fields of one record; `check` gets their values in the order of `reads`."""

    reads: tuple[str, ...]
    check: Callable[..., Found]
    presence_only: bool = False  # the rule only asks whether each field is given (not None)


def _set_in_group(subgroup: int | None, group: str) -> Found:
    if subgroup is not None and PRODUCT_SETS[subgroup].group != group:
        yield "subgroup", f"product set {subgroup} is not in group {group}", subgroup


def _position_whole(*position: Any) -> Found:
    given = [value is not None for value in position]
    if any(given) and not all(given):
        missing = [name for name, present in zip(POSITION_FIELDS, given) if not present]
        yield missing[0], "x, y, w and h go together: give all four or none", ", ".join(missing)


def _readable_version(version: int) -> Found:
    if version > SCHEMA_VERSION:
        yield "schema_version", f"made by a newer ocop-tui (this one reads up to {SCHEMA_VERSION})", version


def _dates_in_order(start: str, end: str) -> Found:
    days: dict[str, date] = {}
    for name, text in (("start_date", start), ("end_date", end)):
        try:
            days[name] = date.fromisoformat(text)
        except ValueError:  # the right form, but no such day: 2024-02-30
            yield name, f"must be {RULE_OF['fair'][name].form}", text
    if len(days) == 2 and days["start_date"] > days["end_date"]:
        yield "end_date", "is before start_date", end


RECORD_RULES: dict[TableName, tuple[RecordRule, ...]] = {
    "fair": (
        RecordRule(("schema_version",), _readable_version),
        RecordRule(("start_date", "end_date"), _dates_in_order),
    ),
    "booths": (RecordRule(POSITION_FIELDS, _position_whole, presence_only=True),),
    "products": (RecordRule(("subgroup", "group"), _set_in_group),),
}


def record_rule_errors(table: TableName, get: Callable[[str], Any]) -> Found:
    """The errors the record rules find in one record (`get`: a field's checked value, or INVALID)."""
    for rule in RECORD_RULES[table]:
        values = [get(name) for name in rule.reads]
        if rule.presence_only or not any(value is INVALID for value in values):
            yield from rule.check(*values)


# The walk ----------------------------------------------------------------------------------------------


def invisible_character(text: str) -> str | None:
    """The first invisible character of `text` ("U+200B ZERO WIDTH SPACE"), or None: a format character
    (Unicode category Cf: zero-width spaces and joiners, the byte-order mark, the soft hyphen U+00AD, word
    joiners), which would make two keys that look alike differ."""
    if text.isprintable():  # no Cf character is printable: the common case costs one C-level pass
        return None
    for char in text:
        if unicodedata.category(char) == "Cf":
            return f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"
    return None


# Printable, and a starter that no mark composes with: a join is printable and NFC exactly when every part is.
_SEPARATOR = "\ufffc"


def all_plain(texts: list[str]) -> bool:
    """Whether the walk would take every one of `texts` unchanged: printable (nothing for clean() to remove),
    NFC and without spaces at the ends. Checked on their join, a few C-level passes for any number of texts;
    (rarely) False for a text that holds the separator itself, which only sends it the long way."""
    joined = _SEPARATOR.join(texts)
    return (
        joined.isprintable()
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
        # Of the characters strip() removes, only the space is printable.
        and joined[:1] != " "
        and joined[-1:] != " "
        and " " + _SEPARATOR not in joined
        and _SEPARATOR + " " not in joined
    )


class _Checker:
    """Collects the problems of one document; each method returns the field's clean value or INVALID."""

    __slots__ = ("problems", "record", "table")

    def __init__(self, table: str, record: str, problems: list[Problem]) -> None:
        self.table = table
        self.record = record
        self.problems = problems

    def error(self, field_name: str, message: str, value: Any = "") -> None:
        self.problems.append(Problem(self.table, self.record, field_name, message, "error", show_value(value)))

    def warn(self, field_name: str, message: str, value: Any = "") -> None:
        self.problems.append(Problem(self.table, self.record, field_name, message, "warning", show_value(value)))

    def value(self, rule: FieldRule, value: Any) -> Any:
        if rule.kind in ("text", "choice"):
            return self.text(rule, value)
        if value is None:
            if rule.required:
                self.error(rule.name, "required field is missing", "")
                return INVALID
            return rule.default
        if rule.kind == "whole":
            return self.whole(rule, value)
        if rule.kind == "flag" and not isinstance(value, bool):  # bool("false") is True: only JSON true/false
            self.error(rule.name, "must be true or false", value)
            return INVALID
        return value

    def text(self, rule: FieldRule, value: Any) -> Any:
        name = rule.name
        if value is None or (isinstance(value, str) and not value.strip()):
            if rule.required:
                self.error(name, "required field is missing or empty", value if value is not None else "")
                return INVALID
            return rule.default
        if not isinstance(value, str):
            self.error(name, f"must be text, not {json_kind(value)}", value)
            return INVALID
        cleaned = clean(value, multiline=rule.multiline)
        if cleaned != value:
            self.warn(name, "control or bidi characters removed", value)
        if not cleaned.isascii():
            cleaned = unicodedata.normalize("NFC", cleaned)
        cleaned = cleaned.strip()
        if not cleaned:  # only escape codes or controls: nothing is left to show
            if rule.required:
                self.error(name, "required field is missing or empty", value)
                return INVALID
            return rule.default
        if rule.key and (hidden := invisible_character(cleaned)) is not None:
            self.error(name, f"holds an invisible character ({hidden}): it would look like another key; remove it",
                       visible(cleaned))  # fmt: skip
            return INVALID
        if rule.max_length is not None and len(cleaned) > rule.max_length:
            self.error(name, f"longer than {rule.max_length} characters ({len(cleaned)})", value)
            return INVALID
        if rule.pattern is not None and not rule.pattern.search(cleaned):
            self.error(name, f"must be {rule.form}", cleaned)
            return INVALID
        if rule.choices and cleaned not in rule.choices:
            self.error(name, f"must be one of {', '.join(rule.choices)}", cleaned)
            return INVALID
        return cleaned

    def whole(self, rule: FieldRule, value: Any) -> Any:
        if isinstance(value, TooLongInteger):
            self.error(rule.name, f"must be {rule.bounds}, not a number of {value.digits:,} digits", value)
            return INVALID
        # bool is an int in Python, and NaN compares False with everything: reject both explicitly.
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
                self.error(rule.name, "must be a finite whole number", value)
            elif isinstance(value, float) and value.is_integer():
                self.error(rule.name, "must be a whole number without a decimal point", value)
            else:
                self.error(rule.name, "must be a whole number", value)
            return INVALID
        if (rule.low is not None and value < rule.low) or (rule.high is not None and value > rule.high):
            self.error(rule.name, f"must be {rule.bounds}", value)
            return INVALID
        return value


def given_fields(table: TableName, doc: dict[str, Any]) -> dict[str, Any] | None:
    """The document as msgspec converts it into a record: the fields the contract does not name moved into
    `extra`; None when a field the file must give is missing (code may leave it to its default)."""
    if not doc.keys() >= REQUIRED_SET[table]:
        return None
    known = KNOWN[table]
    if doc.keys() <= known:
        return doc
    source = {name: value for name, value in doc.items() if name in known}
    source[EXTRA] = {name: value for name, value in doc.items() if name not in known}
    return source


def as_given(table: TableName, doc: dict[str, Any]) -> Record | None:
    """The record when msgspec accepts the document as it is and the walk would change none of its text."""
    source = given_fields(table, doc)
    if source is None:
        return None
    if EXTRA in source and holds_too_long_integer(source[EXTRA]):
        return None  # the walk reports it
    try:
        record = msgspec.convert(source, RECORD_TYPES[table])
    except msgspec.ValidationError:
        return None
    if not all_plain([getattr(record, name) for name in TEXT_FIELDS[table]]):
        return None
    if any(record_rule_errors(table, record.__getattribute__)):
        return None
    return record


def check_document(table: TableName, doc: Any, record: str, problems: list[Problem]) -> Any:
    """The document's record, or None after adding every problem it has to `problems` (warnings too)."""
    if type(doc) is dict:
        given = as_given(table, doc)
        if given is not None:
            return given
    check = _Checker(table, record, problems)
    if not isinstance(doc, Mapping):
        check.error("", "must be an object", doc)
        return None
    before = len(problems)
    values = {rule.name: check.value(rule, doc.get(rule.name)) for rule in RULES[table]}
    for field_name, message, value in record_rule_errors(table, values.__getitem__):
        check.error(field_name, message, value)
    known = KNOWN[table]
    extra = {name: value for name, value in doc.items() if name not in known}
    for name, value in extra.items():
        if holds_too_long_integer(value):  # kept fields are written back: this one could not be
            check.error(name, "holds a whole number with too many digits to read or write", value)
    if any(problem.is_error for problem in problems[before:]):
        return None
    return RECORD_TYPES[table](**values, extra=extra or NO_EXTRA)
