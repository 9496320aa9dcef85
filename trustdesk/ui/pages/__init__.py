"""The pages of the main window, one module each; see :mod:`trustdesk.ui.pages.page`."""
