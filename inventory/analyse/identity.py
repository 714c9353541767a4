"""How a product is named and told apart when printed or compared: one place for both.

``product_label`` prints a vendor and a product with the vendor once ("KS FIKS", not
"KS KS FIKS"). ``unlisted_id`` gives a product outside the catalogue one identity that
every analysis derives the same way (overlap, gap, target), so that a platform every
municipality runs and the target keeps is the same product on both sides:

>>> unlisted_id("Norkart AS", "Norkart Kommunekart")
'unlisted:norkart:kommunekart'
>>> unlisted_id(None, "Kommunekart")
'unlisted::kommunekart'
>>> same_unlisted('unlisted::kommunekart', 'unlisted:norkart:kommunekart')
True
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from inventory.analyse.aliases import normalise_name
from inventory.analyse.vendors import vendor_id, vendor_table
from inventory.missing import is_missing

#: The prefix of the identity of a product the catalogue does not list.
UNLISTED = "unlisted:"
#: After the name of a product the matcher did not take although it had candidates.
REVIEW_SUFFIX = " (unmatched, review)"


def _clean(text: str | None) -> str:
    return " ".join(str(text).split()) if text else ""


@lru_cache(maxsize=65536)
def product_label(vendor: str | None, product: str | None) -> str:
    """``vendor product`` with the vendor printed once.

    The vendor is left out when the product already starts with it, compared as names are
    compared (case, punctuation, legal suffixes: "Norkart AS" and "Norkart Kommunekart").

    >>> product_label("KS", "KS FIKS")
    'KS FIKS'
    >>> product_label("Infoland", "Infoland")
    'Infoland'
    >>> product_label("Visma", "Flyt Skole")
    'Visma Flyt Skole'
    """
    vendor_text, product_text = _clean(vendor), _clean(product)
    if not vendor_text:
        return product_text
    if not product_text or _without_vendor(vendor_text, product_text) != product_text:
        return product_text or vendor_text
    return f"{vendor_text} {product_text}"


def _without_vendor(vendor: str, product: str) -> str:
    """``product`` without a leading vendor name (as written, or as normalised, or by id)."""
    words = product.split()
    wanted_id = vendor_id(vendor)
    vendor_norm = normalise_name(vendor)
    for length in range(min(len(words), len(vendor.split()) + 2), 0, -1):
        head = " ".join(words[:length])
        if normalise_name(head) == vendor_norm or (
            wanted_id is not None and vendor_id(head) == wanted_id
        ):
            return " ".join(words[length:])
    return product


@lru_cache(maxsize=65536)
def unlisted_id(vendor: str | None, product: str | None) -> str:
    """The identity of a product the catalogue does not list: ``unlisted:<vendor>:<name>``.

    ``<vendor>`` is the vendor id (empty when no vendor is given), ``<name>`` the product
    name normalised, without a leading vendor name and trailing words with digits (a
    version). Two spellings that differ in case, punctuation, the vendor's legal suffix,
    a repeated vendor or the version give one identity.
    """
    vendor_text, product_text = _clean(vendor), _clean(product)
    vendor_key = (vendor_id(vendor_text) or "") if vendor_text else ""
    name = _without_vendor(vendor_text, product_text) if vendor_text else product_text
    if not vendor_text:  # a vendor written inside the product name ("Norkart Kommunekart")
        words = product_text.split()
        for length in range(min(3, len(words) - 1), 0, -1):
            head_id = vendor_id(" ".join(words[:length]))
            if head_id is not None and _known_vendor(head_id):
                vendor_key, name = head_id, " ".join(words[length:])
                break
    words = normalise_name(name or product_text).split()
    while len(words) > 1 and any(char.isdigit() for char in words[-1]):
        words.pop()  # a version written into the name: versions do not split a product
    return f"{UNLISTED}{vendor_key}:{' '.join(words)}"


def _known_vendor(vendor: str) -> bool:
    """Whether a vendor id is one of the vendor file's (not a slug of any word)."""
    return vendor in vendor_table().vendors


def is_unlisted(product_id: object) -> bool:
    """Whether ``product_id`` is an ``unlisted_id`` (a product outside the catalogue)."""
    return isinstance(product_id, str) and product_id.startswith(UNLISTED)


def unlisted_parts(product_id: str) -> tuple[str, str]:
    """``(vendor id or "", normalised name)`` of an ``unlisted_id``."""
    vendor, _, name = product_id[len(UNLISTED) :].partition(":")
    return vendor, name


def same_unlisted(a: str | None, b: str | None) -> bool:
    """Whether two unlisted identities name one product.

    The names must agree; the vendors too, unless one side does not say (a target file
    that names a product without its vendor keeps what the municipalities run).
    """
    if not (is_unlisted(a) and is_unlisted(b)):
        return False
    assert a is not None and b is not None
    vendor_a, name_a = unlisted_parts(a)
    vendor_b, name_b = unlisted_parts(b)
    return name_a == name_b and (vendor_a == vendor_b or not vendor_a or not vendor_b)


def _cell(value: object) -> str | None:
    if is_missing(value):
        return None
    return str(value)


def product_identity(
    product_id: pd.Series,
    title: pd.Series,
    vendor: pd.Series | None,
    product: pd.Series,
    status: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series]:
    """``(identity, display title)`` per row, as every analysis compares products.

    Where the normaliser identified a product, its id and title; elsewhere
    ``unlisted_id(vendor, product)`` and ``product_label(vendor, product)``, with
    ``REVIEW_SUFFIX`` where ``status`` is ``review`` (the matcher passed candidates over:
    shown as unmatched, never as a product). Python work only for the rows without a
    product (callers pass distinct combinations, not millions of rows).
    """
    identity = product_id.astype(object).copy()
    display = title.astype(object).copy()
    missing = identity.isna().to_numpy()
    if missing.any():
        products = [_cell(value) for value in product[missing]]
        vendors = (
            [_cell(value) for value in vendor[missing]]
            if vendor is not None
            else [None] * len(products)
        )
        review = (
            (status[missing] == "review").to_numpy()
            if status is not None
            else [False] * len(products)
        )
        identity[missing] = [unlisted_id(v, p) for v, p in zip(vendors, products, strict=True)]
        display[missing] = [
            product_label(v, p) + (REVIEW_SUFFIX if flagged else "")
            for v, p, flagged in zip(vendors, products, review, strict=True)
        ]
    return identity, display
