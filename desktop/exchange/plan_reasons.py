"""Why the import planner labelled a row as it did (English source text, translated by the
UI). Kept apart from ``plan.py`` so the planner stays readable."""

from __future__ import annotations

from typing import Final

from desktop.core.import_types import RowKind

NO_IDENTIFIER: Final = "This row has no phone, member number, e-mail or platform account."
NO_FEEDBACK_LINK: Final = (
    "This row has no phone, member number, e-mail, platform account or known order number."
)
NO_ORDER_NO: Final = "This row has no order number."
NO_FEEDBACK: Final = "This row says nothing a feedback entry needs (kind or content)."
CONFLICT_FILE: Final = (
    "This row's phone, member number or platform account contradicts row {row}: the same "
    "identifier with another phone or member number."
)
CONFLICT_SHOP: Final = (
    "This row's phone, member number or platform account contradicts a customer already in "
    "the shop (another phone or member number)."
)
SAME_AS_BAD_ROW: Final = "Same customer as row {row}, which cannot be imported."
DUPLICATE_ROW: Final = "Same customer as row {row}; its details were merged into that row."
ORDER_CONTINUED: Final = "More of the order on row {row}; its items were added to that order."
DUPLICATE_FEEDBACK: Final = "The same feedback as row {row}."
IN_SHOP_SKIPPED: Final = "Already in the shop; left as it is (policy: skip)."
IN_SHOP_UNCHANGED: Final = "Already in the shop with these details; nothing to change."
ORDER_IN_SHOP: Final = "This order is already in the shop; left as it is (policy: skip)."
ORDER_UNCHANGED: Final = "This order is already in the shop with these details."
ORDER_ITEMS_ADDED: Final = (
    "This order is already in the shop without items; its {count} item lines in this file "
    "are added."
)
ORDER_SUMMARY_REPLACED: Final = (
    "This order is already in the shop with its products in one summary line (from an order "
    "list); its {count} item lines in this file replace that line."
)
ORDER_ITEMS_REPLACED: Final = (
    "This order is already in the shop; its items are replaced by the {count} item lines in "
    "this file (you chose to replace with the file's values)."
)
FEEDBACK_IN_SHOP: Final = "This feedback is already in the shop."
BUYER_UNMATCHED: Final = (
    "The buyer's phone, member number or platform account contradicts another customer; "
    "the order is imported without a customer."
)
BLANK_ROW: Final = "Blank row."
SUMMARY_ROW: Final = "A total row (合计 / 小计 / Total)."
HEADER_AGAIN: Final = "The column names again (a table pasted under another); skipped."
TABLE_TITLE: Final = "The title of the table below (above its column names); skipped."
SKIPPED_ROWS: Final = {
    RowKind.BLANK: BLANK_ROW, RowKind.SUMMARY: SUMMARY_ROW, RowKind.HEADER: HEADER_AGAIN,
    RowKind.TITLE: TABLE_TITLE,
}
"""The note on each kind of row an import skips without a word from the owner."""
ADDRESS_PARTLY_HIDDEN: Final = (
    "The platform hid part of this address; the province, city and district it showed were "
    "kept."
)
IN_SHOP_KEPT: Final = (
    "Already in the shop; what the file has differently is kept as the shop has it (you "
    "chose to fill in only what is missing)."
)
ORDER_KEPT: Final = (
    "This order is already in the shop; what the file has differently is kept as the shop "
    "has it (you chose to fill in only what is missing)."
)
FIELD_FILLED: Final = "Empty in the shop; the file's value is filled in."
FIELD_REPLACED: Final = "The shop's value is replaced by the file's."
FIELD_KEPT: Final = (
    "The shop has another value; it is kept (you chose to fill in only what is missing)."
)
ORDER_BUYER_SET: Final = "The order is linked to this row's buyer as its customer."
ORDER_ITEMS_KEPT: Final = (
    "The item lines in this file differ from the order's in the shop; the shop's are kept "
    "(you chose to fill in only what is missing)."
)
CONFLICT_EMAIL_FILE: Final = (
    "This row's e-mail is that of row {row}, another customer (another phone or member "
    "number); correct one of the two rows."
)
CONFLICT_EMAIL_SHOP: Final = (
    "This row's e-mail belongs to another customer in the shop than its phone, member "
    "number or platform account; correct the row, or the e-mail in the shop."
)
DUPLICATE_VALUE_NOT_USED: Final = (
    "Row {row}, the same customer, has another value; row {row}'s is kept and this one is "
    "not used."
)
TAGS_ADDED: Final = "The file's tags the customer does not have yet are added."
ACCOUNT_ADDED: Final = "The platform account is added to the customer."
CONFLICT_PHONE_SHOP: Final = (
    "This row's member number, e-mail or platform account is that of a customer in the shop "
    "with another phone. If the customer changed phone, correct it in the customer's "
    "details first — or, when the row has their member number or platform account, import "
    "with \"Replace with the file's values\"."
)
SHOP_CONFLICTS: Final = {
    "": CONFLICT_SHOP, "email": CONFLICT_EMAIL_SHOP, "phone": CONFLICT_PHONE_SHOP,
}
"""The reason for each kind of clash with a stored customer (``identity.Match.clash``)."""
