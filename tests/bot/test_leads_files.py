"""Reading a leads file safely: encodings found never guessed, headers in either language, and the
files refused as a whole (too big, too many rows, zip bombs, malformed .xlsx) with a clear reason."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.leads_io import files
from bot.leads_io.files import ImportFileError, decode_csv, read_table
from handlers.lead_columns import escape_cell, field_of, unescape_cell


def rows_of(path: Path) -> list[tuple[int, dict[str, object]]]:
    return list(read_table(path).rows)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("公司,电话\r\n恒通机械,139\r\n".encode("utf-8-sig"), "utf-8-sig"),
        ("公司,电话\r\n恒通机械,139\r\n".encode(), "utf-8"),
        ("公司,电话\r\n恒通机械,139\r\n".encode("gbk"), "gb18030"),
        ("公司,电话\r\n䶮䶮科技,139\r\n".encode("gb18030"), "gb18030"),  # beyond GBK
    ],
)
def test_the_encoding_is_detected(data: bytes, encoding: str) -> None:
    text, found = decode_csv(data)
    assert found == encoding and text.splitlines()[1].endswith(",139")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("公司,电话".encode("utf-16"), "UTF-16"),
        (b"\xef\xbb\xbf\xe5\x85", "starts with a UTF-8 mark but is not UTF-8"),
        (b"a,b\x00c", "NUL bytes"),
        ("公司".encode() + b"\x80\xff", "tried UTF-8 (with or without BOM) and GB18030"),
    ],
)
def test_an_unreadable_encoding_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode_csv(data)


def test_headers_in_either_language_any_order_unknown_reported(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "微信, Phone ,公司名称,Next_Followup,备注\n wx1 ,13953115678,恒通,2026-03-18,\n,,,,\n", "utf-8"
    )
    table = read_table(path)
    assert table.unknown == ["微信"]
    assert sorted(table.columns.values()) == ["company", "next_followup", "notes", "phone"]
    # empty cells are absent and an empty line is skipped
    assert list(table.rows) == [
        (2, {"phone": "13953115678", "company": "恒通", "next_followup": "2026-03-18"})
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("联系人,城市", "neither a company .* nor a phone"),
        ("公司,客户名称", "same field 'company'"),
        ("", "empty"),
    ],
)
def test_a_header_that_cannot_work_refuses_the_file(tmp_path: Path, header: str, message: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(header + "\n", "utf-8")
    with pytest.raises(ImportFileError, match=message):
        read_table(path)


def test_a_file_over_20_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.truncate(files.MAX_BYTES + 1)
    with pytest.raises(ImportFileError, match="at most 20 MB"):
        read_table(path)


def test_more_rows_than_the_limit_refuse_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_ROWS", 3)
    path = tmp_path / "many.csv"
    path.write_text("公司\n" + "".join(f"公司{i}\n" for i in range(4)), "utf-8")
    with pytest.raises(ImportFileError, match="more than 3 rows"):
        rows_of(path)


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(64):
                member.write(b"\0" * (1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFileError, match="zip bomb"):
        read_table(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not an .xlsx file"),
        (None, "no workbook"),
        ("garbage", "malformed .xlsx"),
    ],
)
def test_a_malformed_xlsx_is_refused_clearly(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "bad.xlsx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("docProps/app.xml", "<x/>")
            if content is not None:
                archive.writestr("xl/workbook.xml", content)
                archive.writestr("[Content_Types].xml", "<<<")
    with pytest.raises(ImportFileError, match=message):
        read_table(path)


def test_an_xlsx_is_read_as_a_stream_of_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None])
    sheet.append(["company", "phone"])
    sheet.append(["恒通机械", 13953115678])
    path = tmp_path / "ok.xlsx"
    book.save(path)
    assert rows_of(path) == [(3, {"company": "恒通机械", "phone": 13953115678})]


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+86 139", "-5", "@SUM(A1)", "\tx", "'=1", "''@", "'plain", "普通"]
)
def test_formula_escaping_round_trips(text: str) -> None:
    escaped = escape_cell(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t"))
    assert unescape_cell(escaped) == text


def test_headers_map_to_fields() -> None:
    assert field_of("下次跟进") == field_of("Next Followup") == "next_followup"
    assert field_of("E-Mail") == "email" and field_of("微信") is None
