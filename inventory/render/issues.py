"""Issues in the reader's language: one template per issue code (and situation).

An :class:`~inventory.issues.Issue` carries its code, place and parameters; its message
and hint are the catalogue entries ``issue.<code>.message`` and ``issue.<code>.hint``
(``issue.<code>.<situation>.…`` where one code covers situations that read differently),
filled with the parameters in the reader's language: numbers as the language writes them,
a :class:`~inventory.messages.Code` as its term. The place (``file:line, row 3, column
'x' (#4)``) and the severity are said in the language too; the code stays as it is (users
and scripts match on it).

>>> from inventory.issues import Issue, IssueCode
>>> issue_line(Issue(code=IssueCode.HEADER_ONLY, file="sites.csv", line=1), "sv")[:40]
'varning header-only vid sites.csv:1: Fil'
"""

from __future__ import annotations

from collections.abc import Mapping

from inventory.echo import MESSAGE_LIMIT, shorten, visible
from inventory.errors import RenderError
from inventory.issues import Issue, IssueParam, Severity
from inventory.render.i18n import Lang, t, translations
from inventory.render.messages import param_text


def template_texts(
    template: str, params: Mapping[str, IssueParam], lang: Lang
) -> tuple[str, str | None]:
    """The message and hint of ``template`` (``issue.<code>[.<situation>]``) in ``lang``,
    filled with ``params``; the hint is None when the template has none."""
    # (filled here, not by t(): a parameter may be called ``key`` or ``lang``)
    shown = {name: param_text(value, lang) for name, value in params.items()}
    message = t(f"{template}.message", lang).format(**shown)
    if "list_element" in shown:  # a problem of one element of a list cell
        message = t("issue.list_element", lang, element=shown["list_element"], message=message)
    try:
        hint: str | None = t(f"{template}.hint", lang).format(**shown)
    except RenderError:
        if any(translations(f"{template}.hint").values()):
            raise
        hint = None
    return message, hint


def _bounded(text: str) -> str:
    return visible(shorten(text, MESSAGE_LIMIT))


def issue_texts(issue: Issue, lang: Lang) -> tuple[str, str | None]:
    """The message and hint of ``issue`` in ``lang`` (an issue without a template, its
    message given as text, reads the same in every language)."""
    if lang == "en" or issue.template is None:
        return issue.message, issue.hint
    message, hint = template_texts(issue.template, issue.params, lang)
    return _bounded(message), None if hint is None else _bounded(hint)


def severity_text(severity: Severity, lang: Lang) -> str:
    """``error``, ``fel``, ``feil`` ..."""
    return t(f"issue.severity.{severity.value}", lang)


def issue_place(issue: Issue, lang: Lang) -> str:
    """``file:line`` (``book.xlsx[sheet]:line`` in a workbook) plus row and column, in
    ``lang`` (``Issue.place`` is the English)."""
    if lang == "en":
        return issue.place
    parts = []
    if issue.file:
        file = visible(issue.file)
        if issue.sheet is not None:
            file += f"[{visible(issue.sheet)}]"
        parts.append(f"{file}:{issue.line}" if issue.line else file)
    if issue.row is not None:
        parts.append(t("issue.place.row", lang, row=str(issue.row)))
    if issue.column is not None:
        key = "issue.place.column" if issue.column_index is None else "issue.place.column_at"
        parts.append(t(key, lang, column=repr(issue.column), index=str(issue.column_index)))
    return ", ".join(parts)


def issue_line(issue: Issue, lang: Lang, *, severity: bool = True) -> str:
    """The issue as one line: ``error invalid-number at servers.csv:3, row 2, column 'RAM'
    (#4): '3x' is not a number. Hint: …`` in ``lang`` (``str(issue)`` in English);
    without its severity word when ``severity`` is false (printed apart, in colour)."""
    message, hint = issue_texts(issue, lang)
    place = issue_place(issue, lang)
    text = issue.code.value
    if place:
        text = t("issue.line.at", lang, code=text, place=place)
    text = t("issue.line.message", lang, head=text, message=message)
    if hint:
        text = t("issue.line.hint", lang, text=text, hint=hint)
    if severity:
        text = f"{severity_text(issue.severity, lang)} {text}"
    return text
