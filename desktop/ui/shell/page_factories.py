"""The real pages of the window and how they talk to each other: the global search box
drives the Customers page, and an order's or feedback's customer opens on the Customers page.
The list pages offer exports through the export service (the button hides itself for roles
that may not export); the Import page (owner and manager) refreshes the Customers page after an
import or its undo.

Only the Customers page is built at login: the other pages, and the import and export
services with their file libraries, are imported when first opened or used (they would add
~25 MiB to the window's memory at its first screen).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from desktop.core.import_types import ImportTarget
from desktop.core.roles import Permission
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.export_entry import ExportAccess
from desktop.ui.shell.deferred_export import DeferredExportService
from desktop.ui.shell.pages import (
    AUDIT,
    CUSTOMERS,
    FEEDBACK,
    IMPORT,
    ORDERS,
    PageContext,
    PageSpec,
    default_page_specs,
    import_title,
)


def open_customer(context: PageContext, customer_id: int) -> None:
    page = context.window.open_page(CUSTOMERS)
    if isinstance(page, CustomersPage):
        page.show_customer(customer_id)


def open_order(context: PageContext, order_id: int) -> None:
    from desktop.ui.pages.orders_page import OrdersPage

    page = context.window.open_page(ORDERS)
    if isinstance(page, OrdersPage):
        page.edit_order(order_id)


def export_access(context: PageContext) -> ExportAccess:
    return ExportAccess(DeferredExportService(context.workspace), context.clipboard)


def customers_page(context: PageContext) -> QWidget:
    page = CustomersPage(context.workspace, context.session, context.tasks, context.clipboard,
                         exports=export_access(context))
    context.window.search_requested.connect(page.search)
    page.status_message.connect(context.window.show_status)
    page.open_order.connect(lambda order_id: open_order(context, order_id))
    return page


def orders_page(context: PageContext) -> QWidget:
    from desktop.ui.pages.orders_page import OrdersPage

    page = OrdersPage(context.workspace, context.session, context.tasks,
                      exports=export_access(context))
    page.open_customer.connect(lambda customer_id: open_customer(context, customer_id))
    page.reload()
    return page


def feedback_page(context: PageContext) -> QWidget:
    from desktop.ui.pages.feedback_page import FeedbackPage

    page = FeedbackPage(context.workspace, context.session, context.tasks,
                        exports=export_access(context))
    page.open_customer.connect(lambda customer_id: open_customer(context, customer_id))
    page.reload()
    return page


def import_page(context: PageContext) -> QWidget:
    from desktop.services.imports import ImportService
    from desktop.ui.pages.import_page import ImportPage

    page = ImportPage(ImportService(context.workspace), context.session, context.tasks)
    page.open_records.connect(lambda target: open_imported(context, target))
    page.data_changed.connect(lambda: refresh_customers(context))
    return page


def open_imported(context: PageContext, target: ImportTarget) -> None:
    """The page of what an import brought in: its customers, orders or feedback."""
    keys = {ImportTarget.CUSTOMERS: CUSTOMERS, ImportTarget.ORDERS: ORDERS,
            ImportTarget.FEEDBACK: FEEDBACK}
    context.window.open_page(keys[target])


def refresh_customers(context: PageContext) -> None:
    """An import or its undo changed the customers: a Customers page already built shows
    them (one not built yet loads them when first opened)."""
    page = context.window.page(CUSTOMERS)
    if isinstance(page, CustomersPage):
        page.reload()


def workspace_page_specs() -> list[PageSpec]:
    """The window's pages in navigation order, each shown only to roles that may see it;
    Import (owner and manager) comes before Audit."""
    specs = default_page_specs()
    real = {CUSTOMERS: customers_page, ORDERS: orders_page, FEEDBACK: feedback_page}
    specs = [replace(spec, factory=real.get(spec.key, spec.factory)) for spec in specs]
    position = next((i for i, spec in enumerate(specs) if spec.key == AUDIT), len(specs))
    specs.insert(position, PageSpec(IMPORT, import_title, import_page, Permission.IMPORT))
    return specs
