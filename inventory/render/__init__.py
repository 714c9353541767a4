"""Rendering: diagrams (Graphviz DOT, SVG, PNG, PDF) and reports (HTML, Markdown, XLSX, JSON).

Report builders fill a neutral :class:`~inventory.render.document.ReportDocument`; the
modules here lay it out. Modules: ``dot`` (DOT builder and ``render``), ``svg`` (SVG
sanitiser), ``document`` (the report model), ``i18n`` (fixed labels en/sv/no),
``formatting`` (numbers and dates per language), ``html``, ``markdown``, ``xlsx``,
``csv_safe`` (formula-safe CSV), ``paths`` (safe output names), ``output`` (writing files).
"""
