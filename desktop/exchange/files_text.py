"""CSV and tab-separated text: encoding, delimiter, rows.

The encoding is decided once, for the whole file, before any row is handed over: a byte-order
mark first, then UTF-16 without one (zero bytes where ASCII would be), then strict UTF-8, then
GB18030 when it reads as simplified Chinese (what Excel and WPS save as "CSV" on a Chinese
Windows), then charset-normalizer's guess among encodings a shop's file may really be in
(Chinese GB* guesses become GB18030, their superset), then GB18030 itself. An encoding only
counts when the *whole* file decodes with it without a single error, so a file is either read
exactly or refused — never shown as mojibake.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from desktop.core.import_types import Cell
from desktop.exchange.files_errors import (
    LINE_TOO_LONG,
    NOT_A_SPREADSHEET,
    TOO_LARGE,
    TOO_MANY_COLUMNS,
    UNKNOWN_ENCODING,
    UNKNOWN_SHEET,
    UNREADABLE,
    ImportFileError,
    UnclosedQuoteError,
)
from desktop.exchange.files_safety import FileLimits
from desktop.exchange.files_sheets import SheetInfo

_CHUNK = 1024 * 1024
_SAMPLE_BYTES = 256 * 1024
_SNIFF_ROWS = 50
_DELIMITERS = (",", "\t", ";", "|")  # on a tie, the earlier one wins
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_GUESSES = frozenset({"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"})
# Guesses worth trusting for a shop's files. A single-byte code page decodes almost any bytes,
# so an exotic one (cp1125, mac_cyrillic …) is mojibake far more often than the truth.
_TRUSTED_GUESSES = _CHINESE_GUESSES | {
    "big5",
    "big5hkscs",
    "cp950",
    "shift_jis",
    "cp932",
    "euc_jp",
    "euc_kr",
    "cp949",
    "cp1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
}
_MAX_CHAOS = 0.1
_GB2312_SHARE = 0.8
# C0 control characters that never occur in a text table (tab, LF, CR and form feed do).
_BINARY_CONTROLS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f")


class TextTable:
    """One CSV/TSV file as a single sheet named after the file."""

    def __init__(
        self, path: Path, head: bytes, size: int, file_name: str, limits: FileLimits
    ) -> None:
        if size > limits.max_text_bytes:
            raise ImportFileError(file_name, problem=TOO_LARGE)
        self._path = path
        self._file_name = file_name
        self._limits = limits
        self._closed = False
        self.encoding: str | None = _detect_encoding(path, head, file_name)
        self._codec = self.encoding or "utf-8"
        sample = _decoded_sample(path, self._codec)
        if sum(sample.count(c) for c in _BINARY_CONTROLS) > len(sample) // 100:
            raise ImportFileError(file_name, problem=NOT_A_SPREADSHEET)
        self._delimiter = _sniff_delimiter(sample)
        self.kind = "tsv" if self._delimiter == "\t" else "csv"
        count = self._count_rows()
        self.sheets: tuple[SheetInfo, ...] = (
            SheetInfo(name=Path(file_name).stem or file_name, rows=count),
        )

    def rows(self, sheet: str) -> Iterator[tuple[Cell, ...]]:
        if self._closed or sheet != self.sheets[0].name:
            raise ImportFileError(self._file_name, problem=UNKNOWN_SHEET)
        return self.rows_of_file()

    def rows_of_file(self) -> Iterator[tuple[Cell, ...]]:
        max_columns = self._limits.max_columns
        try:
            stream = open(self._path, encoding=self._codec, errors="strict", newline="")  # noqa: SIM115
        except OSError as error:
            raise ImportFileError(self._file_name, problem=UNREADABLE) from error
        with stream:
            reader = csv.reader(self._lines(stream), delimiter=self._delimiter)
            try:
                for record in reader:
                    if len(record) > max_columns:
                        raise ImportFileError(self._file_name, problem=TOO_MANY_COLUMNS)
                    cells: list[Cell] = [value or None for value in record]
                    while cells and cells[-1] is None:
                        cells.pop()
                    yield tuple(cells)
            except csv.Error as error:  # a field beyond csv's field size limit
                raise ImportFileError(self._file_name, problem=LINE_TOO_LONG) from error
            except UnicodeDecodeError as error:  # the file changed since it was checked
                raise ImportFileError(self._file_name, problem=UNKNOWN_ENCODING) from error
            except OSError as error:
                raise ImportFileError(self._file_name, problem=UNREADABLE) from error

    def _lines(self, stream: TextIO, ended: list[bool] | None = None) -> Iterator[str]:
        """Physical lines, refusing one longer than the limit before it is all in memory.
        ``ended`` (if given) is set to ``[True]`` once the last line was handed out."""
        limit = self._limits.max_line_chars
        while line := stream.readline(limit + 1):
            if len(line) > limit:
                raise ImportFileError(self._file_name, problem=LINE_TOO_LONG)
            yield line
        if ended is not None:
            ended.append(True)

    def _count_rows(self) -> int:
        """The number of rows, read once before any row is handed over. Read strictly: a
        quote mark that opens a cell and is never closed would otherwise swallow every row
        after it into that cell without a word. Other quoting the strict reader dislikes
        (``"a"b``) is read as Excel reads it, by the lenient count."""
        ended: list[bool] = []
        count = 0
        try:
            with open(self._path, encoding=self._codec, errors="strict", newline="") as stream:
                reader = csv.reader(self._lines(stream, ended), delimiter=self._delimiter,
                                    strict=True)
                for record in reader:
                    if len(record) > self._limits.max_columns:
                        raise ImportFileError(self._file_name, problem=TOO_MANY_COLUMNS)
                    count += 1
        except csv.Error as error:
            if ended:  # the strict reader reached the end inside a quoted cell
                raise UnclosedQuoteError(self._file_name, row=count + 1) from error
        except (UnicodeDecodeError, OSError):
            pass  # the lenient count below says what is wrong, as every later read would
        else:
            return count
        return sum(1 for _ in self.rows_of_file())

    def close(self) -> None:
        """Nothing stays open between reads: each ``rows()`` opens and closes the file."""
        self._closed = True


def _detect_encoding(path: Path, head: bytes, file_name: str) -> str:
    for bom, codec in _BOMS:
        if head.startswith(bom):
            if _decodes(path, codec, file_name):
                return codec
            raise ImportFileError(file_name, problem=UNKNOWN_ENCODING)
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None or not _decodes(path, utf16, file_name):
            raise ImportFileError(file_name, problem=NOT_A_SPREADSHEET)
        return utf16
    if _decodes(path, "utf-8", file_name):
        return "utf-8"
    if _reads_as_simplified_chinese(path) and _decodes(path, "gb18030", file_name):
        return "gb18030"
    tried = {"utf-8"}
    for guess in (_guess(path), "gb18030"):
        if guess is not None and guess not in tried:
            tried.add(guess)
            if _decodes(path, guess, file_name):
                return guess
    raise ImportFileError(file_name, problem=UNKNOWN_ENCODING)


def _reads_as_simplified_chinese(path: Path) -> bool:
    """Whether the start of the file, read as GB18030, is text of everyday simplified Chinese:
    nearly every non-ASCII character within GB2312 (the common 6,763 hanzi and punctuation).
    Big5 or Western text read as GB18030 lands mostly outside it. Decided here rather than by
    charset-normalizer, whose guesses on a few short cells (a name, a phone) are unreliable."""
    with open(path, "rb") as stream:
        sample = stream.read(_SAMPLE_BYTES).decode("gb18030", errors="ignore")
    ascii_count = len(sample.encode("ascii", errors="ignore"))
    wide = len(sample) - ascii_count
    if wide == 0:
        return False
    in_gb2312 = (len(sample.encode("gb2312", errors="ignore")) - ascii_count) // 2
    return in_gb2312 >= _GB2312_SHARE * wide


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM: ASCII characters (digits, delimiters, line ends) put a zero
    byte at every other position, on the odd side for little-endian."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    pairs = len(sample) // 2
    # A CJK character may have a zero byte too (U+4E00), hence "far more", not "only".
    if odd > pairs // 4 and even * 10 < odd:
        return "utf-16-le"
    if even > pairs // 4 and odd * 10 < even:
        return "utf-16-be"
    return None


def _guess(path: Path) -> str | None:
    # Imported here: ~9 MiB of tables, needed only for a text file that is not UTF-8.
    from charset_normalizer import from_bytes

    with open(path, "rb") as stream:
        sample = stream.read(_SAMPLE_BYTES)
    if len(sample) == _SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # no character cut in half at the end
    for match in from_bytes(sample):  # best first
        if match.chaos > _MAX_CHAOS:
            continue
        names = {match.encoding, codecs.lookup(match.encoding).name.replace("-", "_")}
        if names & _CHINESE_GUESSES:
            return "gb18030"
        if names & _TRUSTED_GUESSES:
            return match.encoding
    return None


def _decodes(path: Path, codec: str, file_name: str) -> bool:
    """Whether the whole file decodes with ``codec`` without a single error."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError as error:
        raise ImportFileError(file_name, problem=UNREADABLE) from error
    return True


def _decoded_sample(path: Path, codec: str) -> str:
    with open(path, encoding=codec, errors="strict", newline="") as stream:
        return stream.read(_SAMPLE_BYTES)


def _sniff_delimiter(sample: str) -> str:
    """The delimiter under which the first rows look most like a table: the most cells in
    rows of one same width, weighed by the share of rows that have that width (title rows
    and other one-cell rows count only in that share). Parsed with the csv module, not by
    counting characters, so a tab or comma inside quotes (``"\t13812345678"``) does not
    mislead. On a tie the earlier of comma, tab, semicolon, bar wins."""
    if "\n" in sample.rstrip("\r\n"):
        sample = sample[: sample.rindex("\n") + 1]  # drop a line cut off by the sample
    best, best_score = ",", 0.0
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
        widths: Counter[int] = Counter()
        records = 0
        try:
            for record in reader:
                if record:
                    records += 1
                    if len(record) > 1:
                        widths[len(record)] += 1
                if records >= _SNIFF_ROWS:
                    break
        except csv.Error:
            continue
        if not widths:
            continue
        width, rows = max(widths.items(), key=lambda item: item[0] * item[1])
        score = width * rows * rows / records
        if score > best_score:
            best, best_score = delimiter, score
    return best
