"""The pre-check command for commune officers."""

import shutil
import subprocess
import sys
from pathlib import Path

from povertyplan.clean.check import check_files

REPO = Path(__file__).resolve().parents[1]
REGISTRY, COLUMNS = str(REPO / "config" / "communes.csv"), str(REPO / "config" / "columns.yaml")
BAD = (
    "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\n"
    "H-1,Cam Thành,Kinh,3,N\n"
    "H-2,Cam Tuyeen,Kinh,x,Giàu\n"
    "19609-00001,Cam Thanh,Kinh,2,N\n"
)


def run_check(paths, language="vi", year=2018):
    lines = []
    code = check_files([str(p) for p in paths], REGISTRY, COLUMNS, language, year, lines.append)
    return code, lines


def test_a_clean_file_passes(tmp_path):
    code, lines = run_check([REPO / "data/raw/2018/07_cam_thanh.xlsx"])
    assert code == 0
    assert lines == [
        "07_cam_thanh.xlsx: đọc 853 dòng, hợp lệ 853, bị loại 0",
        "Tất cả các tệp đều hợp lệ.",
    ]


def test_problems_are_listed_one_line_each_in_vietnamese_with_excel_rows(tmp_path):
    (tmp_path / "xa.csv").write_text(BAD, encoding="utf-8")
    code, lines = run_check([REPO / "data/raw/2018/07_cam_thanh.xlsx", tmp_path / "xa.csv"])
    assert code == 1
    assert lines[0] == (
        "07_cam_thanh.xlsx, dòng 10, cột 'Mã hộ': mã hộ '19609-00001' của xã này cũng có trong "
        "xa.csv dòng 4. Mỗi hộ chỉ thuộc một danh sách; hỏi lại các xã để xác định."
    )
    assert lines[1] == "07_cam_thanh.xlsx: đọc 853 dòng, hợp lệ 852, bị loại 1"
    assert lines[2].startswith("xa.csv, dòng 3, cột 'Xã': 'Cam Tuyeen' không phải là xã")
    assert "(gần nhất: Cam Tuyền" in lines[2]
    assert (
        lines[3]
        == "xa.csv, dòng 3, cột 'Số nhân khẩu': 'x' không phải là số nguyên. Ghi một số nguyên."
    )
    assert lines[-2] == "xa.csv: đọc 3 dòng, hợp lệ 1, bị loại 2"
    assert lines[-1] == "Có lỗi: sửa các lỗi trên rồi gửi lại tệp."


def test_english_with_a_flag_and_unreadable_files_in_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    code, lines = run_check([tmp_path / "notes.txt", tmp_path / "missing.csv"], language="en")
    assert code == 1
    # every file is checked and each refusal listed, one line and a summary per file
    assert lines[:2] == [
        "notes.txt: has the extension '.txt', which is not read. Send .xlsx, .xls or .csv files.",
        "notes.txt: the file cannot be read",
    ]
    assert lines[2].endswith("missing.csv: the file does not exist. Check the name and the folder.")
    assert lines[3:] == [
        "missing.csv: the file cannot be read",
        "There are problems: correct them and send the files again.",
    ]


def test_the_command_line_exits_non_zero_and_prints_no_traceback(tmp_path):
    (tmp_path / "xa.csv").write_text(BAD, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "povertyplan",
            "check",
            str(tmp_path / "xa.csv"),
            "--year",
            "2018",
            "--registry",
            REGISTRY,
            "--columns",
            COLUMNS,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "'Giàu' không phải là kết quả rà soát" in result.stdout


def test_files_with_the_same_name_a_file_given_twice_and_two_years(tmp_path):
    for folder in ("xa1", "xa2"):
        (tmp_path / folder).mkdir()
    (tmp_path / "xa1" / "ds.csv").write_text(BAD.replace("19609-00001", "Z-1"), encoding="utf-8")
    (tmp_path / "xa2" / "ds.csv").write_text(
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nH-1,Cam Thành,Kinh,3,N\n", encoding="utf-8"
    )
    code, lines = run_check(
        [tmp_path / "xa1" / "ds.csv", tmp_path / "xa1" / "ds.csv", tmp_path / "xa2" / "ds.csv"]
    )
    summaries = [line for line in lines if ": đọc " in line]
    assert len(summaries) == 2  # the file given twice is checked once
    # H-1 is in both, the same: kept in the first, rejected in the second
    assert summaries[0].endswith("xa1/ds.csv: đọc 3 dòng, hợp lệ 2, bị loại 1")
    assert summaries[1].endswith("xa2/ds.csv: đọc 1 dòng, hợp lệ 0, bị loại 1")
    assert any("dòng lặp lại y hệt" in line and "ds.csv dòng 2" in line for line in lines)

    assert code == 1
    for year in ("2017", "2018"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "ds.csv").write_text(
            "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát\nH-1,Cam Thành,Kinh,3,N\n",
            encoding="utf-8",
        )
    code, lines = run_check([tmp_path / "2017" / "ds.csv", tmp_path / "2018" / "ds.csv"], year=None)
    assert code == 0, lines  # the same household in two review years is no duplicate


def test_the_pre_check_says_exactly_what_the_pipeline_rejects(tmp_path):
    """The pre-check runs the pipeline's own cleaning (`clean.file.clean_file` and
    `combine_year`): on a year's files, its messages are the rejects the pipeline writes,
    one for one, and its counts are the ledger's."""
    from povertyplan.compute.datasets import read_parquet
    from povertyplan.pipeline import steps

    raw = tmp_path / "2020"
    shutil.copytree(REPO / "data" / "raw" / "2020", raw)
    (raw / "xa.csv").write_text(BAD, encoding="utf-8")
    files = sorted(str(p) for p in raw.iterdir())
    out = [str(tmp_path / n) for n in ("h.parquet", "r.parquet", "l.parquet")]
    steps.clean_year(files, REGISTRY, COLUMNS, 2020, str(tmp_path / "cache"), *out)
    rejects, ledger = read_parquet(out[1]), read_parquet(out[2])
    assert len(rejects) > 3

    code, lines = run_check(files, year=2020)
    assert code == 1
    summaries = [line for line in lines if ": đọc " in line]
    messages = [line for line in lines[:-1] if line not in summaries]
    assert sorted(messages) == sorted(rejects["message_vi"])
    expected = [
        f"{e.source_file}: đọc {e.rows_read} dòng, hợp lệ {e.rows_kept}, bị loại {e.rows_rejected}"
        for e in ledger.itertuples()
        if not e.duplicate_of and not e.refused
    ]
    assert sorted(summaries) == sorted(expected)


def test_the_pre_check_reads_the_indicators_of_the_standards_it_is_given(tmp_path):
    """With --standards (the config's standards_dir), an indicator only that folder's
    standard declares is read as a column, as the pipeline reads it."""
    standards = tmp_path / "standards"
    shutil.copytree(REPO / "config" / "standards", standards)
    path = standards / "2016-2021.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  - {code: dep_electricity, name: Điện, dimension: housing, headers: ["Thiếu điện"]}\n',
        encoding="utf-8",
    )
    (tmp_path / "xa.csv").write_text(
        "Mã hộ,Xã,Dân tộc,Số nhân khẩu,Kết quả rà soát,Thiếu điện\n"
        "19612-00001,Cam Thành,Kinh,3,N,maybe\n",
        encoding="utf-8",
    )
    files = [str(tmp_path / "xa.csv")]
    lines: list[str] = []
    assert check_files(files, REGISTRY, COLUMNS, "en", 2018, lines.append) == 0
    lines = []
    code = check_files(files, REGISTRY, COLUMNS, "en", 2018, lines.append, str(standards))
    assert code == 1 and any("Thiếu điện" in line for line in lines)
