"""Package data: the endoflife.date lifecycle catalogue (MIT, see endoflife-date-LICENSE.md,
refreshed by ``scripts/refresh_lifecycle.py``) and the built-in product alias table."""
