"""The window's frame: first run, unlock, login / lock screen, and the workspace frame that
pages plug into (see ``pages.py`` for the page API and ``controller.py`` for the flow)."""
