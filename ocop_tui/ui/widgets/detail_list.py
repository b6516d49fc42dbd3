"""The lists inside detail panes (a booth's products, a producer's other products)."""

from __future__ import annotations

from textual.widgets import OptionList


class DetailList(OptionList):
    """An OptionList that highlights its first entry when it gets focus, so Enter always opens one."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
