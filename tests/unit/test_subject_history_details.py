"""An audit entry's details as words for the data-subject copy (HistoryDetails)."""

from __future__ import annotations

from desktop.services.exports_subject_history import HistoryDetails

words = HistoryDetails(lambda text: text)


def test_fields_of_each_area_are_named_like_the_report_columns():
    assert words.text("customer.updated", {"fields": "phone,balance_cents,resident_id"}) == (
        "Fields changed: Phone, Balance, Resident ID")
    assert words.text("order.updated", {"fields": "paid_cents,notes,items", "order_id": 7,
                                        "status": "shipped"}) == (
        "Fields changed: Amount paid, Order notes, Items; Status: Shipped; Order record: #7")
    assert words.text("feedback.updated", {"fields": "content", "feedback_id": 3}) == (
        "Fields changed: What the customer said; Feedback record: #3")


def test_codes_become_words_by_area_and_free_text_stays():
    assert words.text("feedback.status_changed", {"feedback_id": 3, "from": "open",
                                                  "to": "resolved",
                                                  "resolution_changed": True}) == (
        "Status: Open → Resolved; Feedback record: #3; Resolution changed")
    assert words.text("feedback.added", {"kind": "complaint", "status": "open",
                                         "feedback_id": 1}) == (
        "Kind: Complaint; Status: Open; Feedback record: #1")
    assert words.text("order.added", {"channel": "淘宝", "status": "paid", "items": 2,
                                      "order_id": 4}) == (
        "Channel: 淘宝; Status: Paid; Items: 2; Order record: #4")
    assert words.text("export.failed", {"export_seq": 9, "reason": "disk_full"}) == (
        "Reason: the disk was full; Export entry: #9")
    assert words.text("customer.revealed", {"field": "phone", "reason": "disk_full"}) == (
        "Field: Phone; Reason: disk_full")


def test_technical_and_colleague_details_are_left_out_unknown_ones_kept():
    assert words.text("export.finished", {"export_seq": 2, "sha256": "ab" * 32,
                                          "json_sha256": "cd" * 32, "bytes": 100}) == (
        "Export entry: #2")
    assert words.text("feedback.added", {"assignee_user_id": 5, "pseudonym": False}) == ""
    assert words.text("export.started", {"pseudonym": True, "masked": False}) == (
        "Masked: No; With a customer key")
    assert words.text("something.new", {"weight": 3, "empty": ""}) == "weight: 3"


def test_an_exports_filters_are_worded_from_their_codes_in_the_readers_language():
    marked = HistoryDetails(lambda text: f"«{text}»")
    details = {"format": "xlsx", "filter_ordered_from": "2024-01-01", "filter_status": "paid",
               "filter_channel": "淘宝", "filter_customer": 3}
    assert words.text("export.started", {**details, "columns": "order.order_no"}) == (
        "Filters: ordered from 2024-01-01, status: Paid, channel: 淘宝, customer record #3; "
        "Format: XLSX; Columns: Order no.")
    assert "«status»: «Paid»" in marked.text("export.started", details)
    assert words.text("export.started", {"filter_kind": "complaint", "filter_status": "open",
                                         "filter_mine_open": True}) == (
        "Filters: kind: Complaint, status: Open, only my open items")
    # Entries logged before the codes kept their filters as English words.
    assert words.text("export.started", {"filters": "status: Paid"}) == "Filters: status: Paid"
