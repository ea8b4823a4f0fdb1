"""The one error the file layer raises, and the problems it names.

Each problem is an English source text (translated by ``desktop.ui.error_text`` as the
``problem`` parameter) that says what is wrong and how the shop owner can fix it. Messages
name the file by its name only: never its folder (which may carry a person's name) and never
anything read from inside it.
"""

from __future__ import annotations

from desktop.core.errors import CheckAgainError, ShopVaultError


class ImportFileError(ShopVaultError):
    message = "Cannot import {file}: {problem}"

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(file=file, problem=problem)

    @property
    def file(self) -> str:
        return str(self.params["file"])

    @property
    def problem(self) -> str:
        return str(self.params["problem"])


class ChangedSinceCheckError(ImportFileError, CheckAgainError):
    """The file is not what its dry run read: importing it would write rows nobody checked."""

    def __init__(self, file: str) -> None:
        super().__init__(file, problem=CHANGED_SINCE_CHECK)


class UnclosedQuoteError(ImportFileError):
    """A text table whose quote mark opens a cell and is never closed: every row after it
    would run into that one cell."""

    message = (
        'Cannot import {file}: the quote mark (") at the start of a cell in row {row} is '
        "never closed, so every row after it would run into that one cell. Delete that "
        "quote mark, or add the closing one, and try again."
    )

    def __init__(self, file: str, row: int) -> None:
        ShopVaultError.__init__(self, file=file, row=row, problem=UNCLOSED_QUOTE)


MISSING = (
    "the file is not there (moved, renamed or deleted?). Check its name and folder, and "
    "choose it again."
)
UNREADABLE = (
    "the file cannot be read. Close it in other programs, check that you may open it, "
    "and try again."
)
NOT_A_FILE = "this is a folder, not a file. Choose a spreadsheet file."
EMPTY = "the file is empty. Choose the file that holds your data."
DAMAGED = (
    "the file is damaged or incomplete. Open it in Excel or WPS, save it again as .xlsx, "
    "and try again."
)
ENCRYPTED = "the file is password-protected. Save it without a password and try again."
LEGACY_XLS = "it is in the old Excel 97-2003 format. Open it in Excel or WPS and save it as .xlsx."
MACROS = (
    "it is a workbook with macros. Open it in Excel or WPS and save it as an ordinary "
    ".xlsx workbook."
)
BINARY_WORKBOOK = (
    "it is an Excel binary workbook (.xlsb). Open it in Excel or WPS and save it as .xlsx."
)
OPEN_DOCUMENT = (
    "it is an OpenDocument spreadsheet. Open it in WPS, LibreOffice or Excel and save it as .xlsx."
)
WEB_PAGE = (
    "it is a web page saved with a spreadsheet name. Open it in Excel or WPS and save it "
    "as .xlsx or CSV."
)
XML_SPREADSHEET = (
    "it is an Excel 2003 XML spreadsheet. Open it in Excel or WPS and save it as .xlsx."
)
ZIP_ARCHIVE = "it is a ZIP archive, not a spreadsheet. Unpack it and choose the spreadsheet inside."
OTHER_ARCHIVE = (
    "it is a compressed archive, not a spreadsheet. Unpack it and choose the spreadsheet inside."
)
OFFICE_DOCUMENT = (
    "it is an Office document but not a spreadsheet. Choose an .xlsx, .csv or .txt file."
)
PDF = "it is a PDF document, not a spreadsheet. Choose an .xlsx, .csv or .txt file."
PICTURE = "it is a picture, not a spreadsheet. Choose an .xlsx, .csv or .txt file."
NOT_A_SPREADSHEET = "it is not a spreadsheet or text table. Choose an .xlsx, .csv or .txt file."
TOO_LARGE = "the file is too large to import. Split it into smaller files and try again."
SHEET_TOO_FAR = (
    "a sheet reaches much farther than its data needs (perhaps something was typed far "
    "below or to the right of the table). Delete the rows and columns beyond your data in "
    "Excel or WPS, save, and try again."
)
UNSAFE_WORKBOOK = (
    "the workbook is built in an unusual way that could harm this computer, so it was not "
    "opened. Open it in Excel or WPS, save it again as .xlsx, and try again."
)
NESTED_ARCHIVE = (
    "the workbook contains another compressed archive, so it was not opened. Open it in "
    "Excel or WPS, save it again as .xlsx, and try again."
)
UNKNOWN_ENCODING = (
    'its text encoding cannot be recognised. Save it as "CSV UTF-8" in Excel or WPS and try again.'
)
LINE_TOO_LONG = (
    "a line or cell is far too long for a table (perhaps it is not a text table). Check "
    "the file, or save it again as .xlsx or CSV."
)
TOO_MANY_COLUMNS = (
    "a row has more columns than any spreadsheet can hold. Check the file, or save it "
    "again as .xlsx or CSV."
)
UNCLOSED_QUOTE = (
    'a quote mark (") opens a cell and is never closed. Delete it, or add the closing one, '
    "and try again."
)
COLUMNS_CHANGED = (
    "its column names are not the ones the columns were matched to: the file was changed "
    "after it was opened. Choose it again and check the columns."
)
CHANGED_SINCE_CHECK = (
    "it was changed after its rows were checked. Check the rows again, then import."
)
NO_SHEETS = "the workbook has no worksheets with data. Choose another file."
UNKNOWN_SHEET = "the workbook has no sheet of that name. Choose one of its sheets."

# Every problem above. tools/update_translations.py collects the texts of a ``problems``
# list for the catalogue; most of these reach ImportFileError through a variable.
problems = (
    MISSING,
    UNREADABLE,
    NOT_A_FILE,
    EMPTY,
    DAMAGED,
    ENCRYPTED,
    LEGACY_XLS,
    MACROS,
    BINARY_WORKBOOK,
    OPEN_DOCUMENT,
    WEB_PAGE,
    XML_SPREADSHEET,
    ZIP_ARCHIVE,
    OTHER_ARCHIVE,
    OFFICE_DOCUMENT,
    PDF,
    PICTURE,
    NOT_A_SPREADSHEET,
    TOO_LARGE,
    SHEET_TOO_FAR,
    UNSAFE_WORKBOOK,
    NESTED_ARCHIVE,
    UNKNOWN_ENCODING,
    LINE_TOO_LONG,
    TOO_MANY_COLUMNS,
    UNCLOSED_QUOTE,
    COLUMNS_CHANGED,
    CHANGED_SINCE_CHECK,
    NO_SHEETS,
    UNKNOWN_SHEET,
)
