"""`make_app`: the one way to build the app, for the CLI, the tests and the benchmarks alike.

The browser (OcopApp) or, given kiosk settings, its locked-down subclass (KioskApp), which is imported
only when a kiosk is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ocop_tui.i18n import DEFAULT_LANG
from ocop_tui.model import Lang
from ocop_tui.search.catalog import Catalog
from ocop_tui.ui.app import OcopApp

if TYPE_CHECKING:
    from ocop_tui.files import FileStamp
    from ocop_tui.kiosk.config import KioskSettings


def make_app(
    catalog: Catalog,
    *,
    lang: Lang = DEFAULT_LANG,
    kiosk: KioskSettings | None = None,
    clock: Callable[[], float] | None = None,
    stamp: FileStamp | None = None,
) -> OcopApp:
    """The one way to build the app: CLI, tests and benchmarks. With `kiosk` settings, the locked-down kiosk
    (`clock`: monotonic seconds, injected by tests; `stamp`: the store file version the catalogue came from)."""
    if kiosk is not None:
        # Imported only when a kiosk is asked for: the browser's start-up does not load the kiosk's modules.
        from ocop_tui.ui.kiosk import KioskApp

        return KioskApp(catalog, lang=lang, settings=kiosk, clock=clock, stamp=stamp)
    return OcopApp(catalog, lang=lang)
