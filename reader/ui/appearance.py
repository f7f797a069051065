"""How the window looks: text size (zoom), theme, the interface scaled with the text,
fonts, the era dates are shown in and the interface language.

The window owns one `Appearance`; the menus, the toolbar's size box and the preferences
call it. It changes the settings object the window holds (saved when the window closes)
and the widgets that draw text; it never touches the archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from . import i18n, themes
from .announce import say
from .i18n import fill
from .menus import THEME_ACTIONS
from .settings import ZOOM_MAX, ZOOM_MIN, Settings

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class Appearance(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.base_font = QApplication.font()  # the size "scale the interface" starts from
        self.applied_size: float | None = None  # the interface size the theme was last applied at
        self.shown_era: str | None = None  # the era the list and sidebar were last drawn in

    def apply(self, s: Settings, first: bool = False) -> None:
        """Everything the settings say about the window's look (at start, after Preferences)."""
        w = self.window
        if not first and s.language != w.settings.language:
            self.set_language(s.language)
        w.settings = s
        self.set_theme(s.theme)
        self.set_era(s.era)
        w.registry["scale_interface"].setChecked(s.scale_interface)
        w.registry["print_reading_size"].setChecked(s.print_at_reading_size)
        self.set_scale_interface(s.scale_interface)
        self.set_zoom(s.zoom_percent, announce=not first)
        hints = QApplication.styleHints()
        if first and hints is not None:
            hints.colorSchemeChanged.connect(self.system_scheme_changed)

    def set_zoom(self, percent: int, announce: bool = True) -> None:
        """The article's text size in percent (50-400), shown in the size box and menu,
        and said to screen readers (not at start-up)."""
        w = self.window
        percent = max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))
        w.settings.zoom_percent = percent
        w.reader.set_zoom(percent)
        if w.zoom_box.value() != percent:
            w.zoom_box.blockSignals(True)  # the box would call back here
            w.zoom_box.setValue(percent)
            w.zoom_box.blockSignals(False)
        self.show_zoom_level()
        w.registry["zoom_in"].setEnabled(percent < ZOOM_MAX)
        w.registry["zoom_out"].setEnabled(percent > ZOOM_MIN)
        self._scale_interface()
        w.arrange()  # the article's size alone may make the panes fit, or not
        said = fill(self.tr("Text size %1%"), percent)
        w.statusBar().showMessage(said, 2000)
        if announce:
            say(w, said)

    def show_zoom_level(self) -> None:
        """The View menu's "Text size: 150%" line (also on a language change)."""
        self.window.zoom_level.setText(fill(self.tr("Text size: %1%"), self.window.settings.zoom_percent))

    def set_scale_interface(self, on: bool) -> None:
        self.window.settings.scale_interface = bool(on)
        self.window.search.show_filters(not on)  # large controls: filters fold away, one click opens
        self._scale_interface()

    def _scale_interface(self) -> None:
        size = self.interface_point_size()
        if size != self.applied_size:
            self.applied_size = size
            self.set_theme(self.window.settings.theme)

    def interface_point_size(self) -> float | None:
        """Menus, lists and buttons follow the text size only when the user asks."""
        settings = self.window.settings
        if not settings.scale_interface:
            return None
        return self.base_font.pointSizeF() * settings.zoom_percent / 100

    def set_theme(self, choice: str) -> None:
        w = self.window
        w.settings.theme = choice
        app = cast(QApplication, QApplication.instance())  # the window exists only in one
        theme = themes.apply_theme(app, choice, self.interface_point_size())
        w.registry[THEME_ACTIONS[choice]].setChecked(True)
        w.snippets.colors = self.hit_colors(theme)
        w.reader.hit_colors = self.hit_colors(theme)
        w.reader.refresh_colors()  # links and hits only: the text and the place stay
        w.listing.layout_columns(w.list_model.show_snippets)  # the date column fits the new size
        w.list.viewport().update()
        w.arrange()

    def hit_colors(self, theme: themes.Theme | None = None) -> tuple[QColor, QColor]:
        """Background and text of the marked search words, from the theme."""
        theme = theme or themes.load_theme(themes.resolve(self.window.settings.theme))
        return theme.color("hit_background"), theme.color("hit_text")

    def system_scheme_changed(self, *_: object) -> None:
        """The desktop went dark or light: follow it when the theme is "system"."""
        if self.window.settings.theme == "system":
            self.set_theme("system")

    def edit_preferences(self) -> None:
        """Edit > Preferences: language, theme, era, text size; saved at once."""
        from .preferences import PreferencesDialog

        w = self.window
        dialog = PreferencesDialog(w.settings, w)
        if dialog.exec():
            chosen = dialog.chosen()
            if chosen.language != w.settings.language:
                self.set_language(chosen.language)
            self.apply(chosen)
            w.save()

    def set_era(self, era: str) -> None:
        """Dates in the Buddhist ("be") or Common ("ce") Era, everywhere they show."""
        w = self.window
        changed = era != self.shown_era
        w.settings.era = self.shown_era = era
        action = w.registry["common_era"]
        action.blockSignals(True)  # the toggle would call back here
        action.setChecked(era == "ce")
        action.blockSignals(False)
        w.search.set_era(era)
        if not changed or w.sidebar.topLevelItemCount() == 0:
            return  # not filled yet: start() shows everything in the chosen era
        w.list_model.refresh_dates()
        w.sidebar.populate(w.archive, w.year_label)
        w.article.reshow()

    def set_language(self, choice: str) -> None:
        """The interface language ("th", "en" or "system"); the window retranslates."""
        w = self.window
        w.settings.language = choice
        w.lang = i18n.install(cast(QApplication, QApplication.instance()), choice)
        w.statusBar().clearMessage()  # said in the language just left; the count stays
        w.retranslate()
        w.list_model.refresh_dates()
        w.sidebar.populate(w.archive, w.year_label)  # "All articles", "By year"... anew
        w.article.reshow()
