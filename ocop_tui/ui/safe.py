"""The one path from data to screen: every store or import string becomes literal Rich Text here.

Text(...) is never parsed as markup, so "[/]" or "[@click=app.quit]" show as written and cannot run an
action; clean() removes control, escape and bidi characters first.
"""

from __future__ import annotations

from rich.text import Text

from ocop_tui.text import clean


def data_text(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """Literal, cleaned text for one data value (None and "" give an empty Text)."""
    if value is None:
        return Text("", style=style)
    return Text(clean(str(value), multiline=multiline), style=style, end="")


def data_str(value: object) -> str:
    """One data value as a plain table cell: cleaned, and drawn as written in the cell's style (a table draws
    a `str` cell as one literal segment, never through markup; None gives "")."""
    return "" if value is None else clean(str(value))


def labelled(label: str, value: object, *, label_style: str = "bold", multiline: bool = False) -> Text:
    """'Label: value' with the label (a UI string) styled and the value literal."""
    return Text.assemble(Text(f"{label}: ", style=label_style), data_text(value, multiline=multiline))
