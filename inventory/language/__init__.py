"""The language of what the tool says: message catalogues and locale formatting.

The lowest layer: every other package may use it, it uses none of them but ``errors``.
Modules: ``catalogues`` (the gettext ``.po``/``.mo`` files in ``inventory/locale``, read
and written with Babel), ``i18n`` (``t``: a message's text in ``en``, ``sv`` or ``no``;
code texts), ``formatting`` (numbers, money, dates and table cells as each language
writes them, through CLDR data).
"""
