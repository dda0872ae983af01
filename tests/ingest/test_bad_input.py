"""`minzheng extract` on files that are not civil-affairs documents, mixed with good ones.

Each refused file gets exactly one stderr line naming it and the reason; the call
exits 2; the good files of the same call are still processed in full.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from ingest.decoding import decode_bytes
from ingest.extract import extract_file
from minzheng.paths import CORPUS_DIR, DOCUMENTS_DIR

MINZHENG = str(Path(sys.executable).with_name("minzheng"))
GOOD = DOCUMENTS_DIR / "004_dc0136a2265e55f5.txt"  # Wuhu: one headline record
ZHOUSHAN = DOCUMENTS_DIR / "002_66b1147c1cebaaf5.txt"


def extract(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([MINZHENG, "extract", *map(str, paths)], capture_output=True, text=True, check=False)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def without_document(items: list[dict]) -> list[dict]:
    return [{k: v for k, v in item.items() if k != "document"} for item in items]


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n\n   \n", "empty file"),
    "random.bin": (random.Random(7).randbytes(20_000), "binary"),
    "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50, "PDF"),
    "spam.txt": (("国产在线播放精品视频,精品国产成人一区二区三区,无人视频在线观看播放免费,人妻无码不卡中文字幕在线视频\n"
                  "成全在线观看免费高清电视剧| 成人国内精品久久久久影院| 亚洲最大天堂无码精品区|\n").encode() * 20,
                 "spam"),
    "english.txt": (("China had about 702,000 social organizations as of the end of 2016, according to data "
                     "released by the Ministry of Civil Affairs on Aug 3. 养老\n").encode() * 30, "not Chinese"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_refused_and_good_file_kept(tmp_path, name):
    content, reason = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    run = extract(GOOD, bad)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert str(bad) in lines[0] and reason in lines[0], lines[0]
    good = records(run.stdout)
    assert [(r["indicator"], r["year"], r["value"]) for r in good] == [("nursing_bed_share", 2025, 55)]


def test_missing_file_refused(tmp_path):
    run = extract(tmp_path / "nowhere.txt", GOOD)
    assert run.returncode == 2
    assert "nowhere.txt" in run.stderr and len(records(run.stdout)) == 1


def test_gb18030_copy_gives_the_same_records(tmp_path):
    for seed in sorted(DOCUMENTS_DIR.glob("*.txt")):
        copy = tmp_path / f"gbk_{seed.name}"
        copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
        original, converted = extract(seed), extract(copy)
        assert converted.returncode == 0, converted.stderr
        assert without_document(records(converted.stdout)) == without_document(records(original.stdout)), seed.name


def test_big5_copy_of_a_traditional_page_gives_its_records(tmp_path):
    # 泉州晚报 2023 (corpus/dev a12) as a Hong Kong or Taiwan site would store it: traditional, in Big5.
    # GB18030 accepts the same bytes too (as nonsense); the Big5 reading must win.
    page = CORPUS_DIR / "dev" / "docs" / "a12_quanzhou_certified_sw_2023.txt"
    copy = tmp_path / "big5.txt"
    # A character Big5 lacks becomes ?, as a converting site writes it.
    copy.write_bytes(opencc.OpenCC("s2t").convert(page.read_text(encoding="utf-8")).encode("big5", errors="replace"))
    found = records(extract(copy).stdout)
    assert {(r["region_code"], r["indicator"], r["year"], r["value"]) for r in found} >= {
        ("350500", "certified_social_workers", 2023, 6555)}


def test_a_short_big5_page_is_read_as_big5():
    # 四川 2020 (corpus/dev ac01, 158 characters) in Taiwan's characters and Big5: too short for
    # charset-normalizer to tell from GB18030, whose reading of it is full of private-use characters.
    page = (CORPUS_DIR / "dev" / "docs" / "ac01_sichuan_13th_aging_report_beds_2020.txt").read_text(encoding="utf-8")
    decoded = decode_bytes(opencc.OpenCC("s2tw").convert(page).encode("big5"))
    assert decoded.encoding == "big5"
    assert "四川省" in opencc.OpenCC("t2s").convert(decoded.text)


def test_utf8_with_byte_order_mark(tmp_path):
    copy = tmp_path / "bom.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + ZHOUSHAN.read_bytes())
    assert without_document(records(extract(copy).stdout)) == without_document(records(extract(ZHOUSHAN).stdout))


def test_truncated_multibyte_sequence_at_the_end(tmp_path):
    data = ZHOUSHAN.read_bytes()
    cut = tmp_path / "cut.txt"
    assert data.rstrip()[-3:].decode("utf-8") == "治理"[-1]  # ends in a three-byte character
    cut.write_bytes(data.rstrip()[:-1])
    run = extract(cut)
    assert run.returncode == 0, run.stderr
    assert without_document(records(run.stdout)) == without_document(records(extract(ZHOUSHAN).stdout))


def test_fifty_megabytes_in_bounded_memory(tmp_path):
    """A 50 MB file (the Zhoushan plan over and over) completes, and memory stays bounded."""
    big = tmp_path / "big.txt"
    chunk = ZHOUSHAN.read_bytes()
    with big.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    size_mb = big.stat().st_size / 2**20
    assert size_mb >= 50
    # The peak of this process image (VmHWM), not ru_maxrss: Linux carries ru_maxrss over from the
    # forked parent, so a large test process would be counted as the extractor's memory.
    probe = ("import sys\nfrom minzheng.cli import main\nstatus = main(['extract', sys.argv[1]])\n"
             "peak = next(line for line in open('/proc/self/status') if line.startswith('VmHWM:'))\n"
             "print(int(peak.split()[1]) // 1024, file=sys.stderr)\nsys.exit(status)")
    run = subprocess.run([sys.executable, "-c", probe, str(big)], capture_output=True, text=True, check=False,
                         env={**os.environ, "PYTHONHASHSEED": "0"})
    assert run.returncode == 0, run.stderr[-500:]
    peak_mb = int(run.stderr.strip().splitlines()[-1])
    # The same facts as one copy of the plan: repetition adds no new figure.
    assert without_document(records(run.stdout)) == without_document(records(extract(ZHOUSHAN).stdout))
    assert peak_mb < 10 * size_mb, f"peak {peak_mb} MB for a {size_mb:.0f} MB file"


def _facts_of(paths: list[Path]) -> dict[str, set[tuple]]:
    """Each document's facts as the parser reads them, by file name."""
    return {path.name: {(r.region_code, r.indicator, r.year, r.kind, r.value)
                        for r in extract_file(path).records} for path in paths}


@pytest.mark.parametrize("copy", ["traditional", "gb18030", "html"])
def test_the_labelled_documents_read_the_same_in_any_script_encoding_or_markup(tmp_path, copy):
    # Every development document with gold figures, as other sites store the same page: in traditional
    # characters (OpenCC, as mirrors convert), in GB18030 bytes, or as the page's HTML paragraphs. The
    # parser must find the same facts in each copy as in the original.
    names = sorted({json.loads(line)["document"]
                    for line in (CORPUS_DIR / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()})
    originals = [CORPUS_DIR / "dev" / "docs" / name for name in names]
    to_traditional = opencc.OpenCC("s2t")
    copies = []
    for original in originals:
        text = original.read_text(encoding="utf-8")
        target = tmp_path / original.name
        if copy == "traditional":
            target.write_text(to_traditional.convert(text), encoding="utf-8")
        elif copy == "gb18030":
            target.write_bytes(text.encode("gb18030"))
        else:
            target.write_text("<html><head><meta charset=\"utf-8\"></head><body>"
                              + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>",
                              encoding="utf-8")
        copies.append(target)
    assert _facts_of(copies) == _facts_of(originals)
