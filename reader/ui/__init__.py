"""The PySide6 application: windows, views, actions, printing. No business logic here."""
