"""Reading a leads spreadsheet safely: .xlsx streamed with openpyxl (read_only), .csv as Excel writes
it, with the limits that keep one upload from taking the machine down.

The encoding of a CSV is found, never guessed: strict UTF-8 (with or without a byte order mark),
then strict GB18030 (which contains GBK and GB2312); a file that is neither is refused, naming the
encodings tried. An .xlsx is a zip archive: its declared sizes are checked before anything is
inflated, so a zip bomb is refused without being unpacked, and openpyxl parses its XML with
defusedxml (a project dependency), so entity tricks are refused too.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from handlers.lead_columns import field_of

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
# An .xlsx of 20 MB inflates to a few hundred MB at most; a bomb inflates thousands of times.
MAX_UNZIPPED = 512 * 1024 * 1024
MAX_RATIO = 200
ENCODINGS = ("utf-8", "gb18030")
Cell = object  # str, int, float, bool, datetime, date, time or None, as the file holds it


class ImportFileError(Exception):
    """The file as a whole is refused (nothing is imported); the message says why."""


@dataclass
class Table:
    """The header, mapped to fields, and the data rows as (row number in the file, cells by field)."""

    columns: dict[int, str]  # column index -> field
    unknown: list[str]  # headers that name no field, ignored
    rows: Iterator[tuple[int, dict[str, Cell]]]
    encoding: str | None = None  # a CSV's encoding as detected


def read_table(path: Path) -> Table:
    """Open an .xlsx or .csv file; ImportFileError when it is refused as a whole."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ImportFileError(f"cannot read the file: {e.strerror or e}") from e
    if size > MAX_BYTES:
        raise ImportFileError(f"the file is {size / 1024 / 1024:.1f} MB; at most 20 MB can be imported")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix == ".csv":
        return _csv(path.read_bytes())
    raise ImportFileError(f"unsupported file type {suffix or '(none)'!r}: use .xlsx or .csv")


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of CSV bytes, trying the encodings strictly and in order."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            "the file is UTF-16 (Excel's 'Unicode Text'); save it as 'CSV UTF-8' or as .xlsx"
        )
    if b"\x00" in data:
        raise ImportFileError("the file holds NUL bytes: it is not a text CSV (save it as CSV or .xlsx)")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise ImportFileError(f"the file starts with a UTF-8 mark but is not UTF-8 ({e})") from e
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        "cannot tell the file's encoding: tried UTF-8 (with or without BOM) and GB18030 (which covers "
        "GBK) and neither reads it; save it as 'CSV UTF-8' or as .xlsx"
    )


def _csv(data: bytes) -> Table:
    text, encoding = decode_csv(data)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header_number, header = _first_nonempty(enumerate(reader, 1))
    except csv.Error as e:
        raise ImportFileError(f"not a valid CSV: {e}") from e
    columns, unknown = map_header(header)

    def rows() -> Iterator[tuple[int, dict[str, Cell]]]:
        try:
            for number, cells in enumerate(reader, header_number + 1):
                yield number, _by_field(columns, cells)
        except csv.Error as e:
            raise ImportFileError(f"not a valid CSV at line {reader.line_num}: {e}") from e

    return Table(columns, unknown, _limited(rows()), encoding)


def _first_nonempty(rows: Iterator[tuple[int, Sequence[Cell]]]) -> tuple[int, list[Cell]]:
    for number, cells in rows:
        if any(_present(c) for c in cells):
            return number, list(cells)
    raise ImportFileError("the file has no header row (it is empty)")


def _present(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def map_header(header: list[Cell]) -> tuple[dict[int, str], list[str]]:
    """Which column holds which field; unknown headers are listed. A field named twice, or a file
    with neither a company nor a phone column, is refused."""
    columns: dict[int, str] = {}
    unknown: list[str] = []
    for index, cell in enumerate(header):
        name = str(cell).strip() if cell is not None else ""
        if not name:
            continue
        field = field_of(name)
        if field is None:
            unknown.append(name)
        elif field in columns.values():
            raise ImportFileError(f"two columns name the same field {field!r} (second: {name!r})")
        else:
            columns[index] = field
    if not {"company", "phone"} & set(columns.values()):
        raise ImportFileError("the header names neither a company (公司) nor a phone (电话) column")
    return columns, unknown


def _by_field(columns: dict[int, str], cells: Sequence[Cell]) -> dict[str, Cell]:
    return {field: cells[i] for i, field in columns.items() if i < len(cells) and _present(cells[i])}


def _limited(rows: Iterator[tuple[int, dict[str, Cell]]]) -> Iterator[tuple[int, dict[str, Cell]]]:
    """Data rows, skipping empty ones; more than MAX_ROWS refuses the file."""
    count = 0
    for number, cells in rows:
        if not cells:
            continue
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError(f"more than {MAX_ROWS:,} rows; split the file")
        yield number, cells


def check_zip(path: Path) -> None:
    """Refuse what is not an .xlsx archive, or would inflate past the limits, before inflating it."""
    if not zipfile.is_zipfile(path):
        raise ImportFileError(
            "not an .xlsx file (an .xlsx is a zip archive; is it an old .xls? save as .xlsx)"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise ImportFileError(f"malformed .xlsx: {e}") from e
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        raise ImportFileError("malformed .xlsx: it has no workbook (xl/workbook.xml)")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNZIPPED or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise ImportFileError(
                f"refused: {info.filename} would inflate to {info.file_size:,} bytes "
                f"({ratio:.0f}x its packed size): a zip bomb or a corrupt file"
            )


def _xlsx(path: Path) -> Table:
    check_zip(path)
    from openpyxl import load_workbook

    try:
        # data_only: a formula cell reads as the value Excel saved, never as the formula text
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds (KeyError, ValueError, XML errors) on bad files
        raise ImportFileError(f"malformed .xlsx: {type(e).__name__}: {e}") from e
    try:
        sheet = book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        header_number, header = _first_nonempty(enumerate(cells, 1))
        columns, unknown = map_header(header)
    except ImportFileError:
        book.close()
        raise
    except Exception as e:
        book.close()
        raise ImportFileError(f"malformed .xlsx: {type(e).__name__}: {e}") from e

    def rows() -> Iterator[tuple[int, dict[str, Cell]]]:
        try:
            for number, values in enumerate(cells, header_number + 1):
                yield number, _by_field(columns, values)
        except ImportFileError:
            raise
        except Exception as e:
            raise ImportFileError(f"malformed .xlsx: {type(e).__name__}: {e}") from e
        finally:
            book.close()

    return Table(columns, unknown, _limited(rows()))
