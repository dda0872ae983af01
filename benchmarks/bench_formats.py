"""Benchmark the format readers: PDF pages/s, DOCX and HTML documents/s, with peak memory.

Reads the real files of ../shared/corpus/formats (a 13-page statistical bulletin PDF,
three bulletin DOCX files, three gov.cn HTML pages; set MINZHENG_FORMATS_CORPUS to
point elsewhere) several times each, on one core, and prints for each format the
rate of reading alone (bytes to text) and of the whole extraction (text to records).
A scanned page read by OCR is timed on one page rendered from the PDF. Prints the
figures; asserts nothing.

    .venv/bin/python benchmarks/bench_formats.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import time

from ingest.extract import extract_bytes
from ingest.formats import read_document
from minzheng.paths import formats_corpus

CORPUS = formats_corpus()
GROUPS = {"pdf": (".pdf",), "docx": (".docx",), "html": (".htm", ".html")}


def _pages(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def _timed(work, files: list[tuple[str, bytes]], repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for name, data in files:
            work(data, name)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"bench_formats: the real files are not at {CORPUS} (set MINZHENG_FORMATS_CORPUS)")
    print(f"format readers on {CORPUS}, {args.repeat} passes, one core")
    for group, suffixes in GROUPS.items():
        files = [(p.name, p.read_bytes()) for p in sorted(CORPUS.iterdir()) if p.suffix.lower() in suffixes]
        if not files:
            continue
        size = sum(len(data) for _, data in files) / 1e6
        extract_bytes(files[0][1], files[0][0])  # imports and caches warm
        reading = _timed(lambda data, name: read_document(data), files, args.repeat)
        whole = _timed(extract_bytes, files, args.repeat)
        count = len(files) * args.repeat
        if group == "pdf":
            pages = sum(_pages(data) for _, data in files) * args.repeat
            print(f"  pdf : {len(files)} files, {pages // args.repeat} pages, {size:.2f} MB: "
                  f"read {pages / reading:.1f} pages/s, extract {pages / whole:.1f} pages/s")
        else:
            print(f"  {group:4}: {len(files)} files, {size:.2f} MB: read {count / reading:.1f} documents/s, "
                  f"extract {count / whole:.1f} documents/s ({size * args.repeat / whole:.2f} MB/s)")
    pdfs = [p for p in sorted(CORPUS.iterdir()) if p.suffix.lower() == ".pdf"]
    if pdfs and shutil.which("tesseract"):
        import pypdfium2

        page = pypdfium2.PdfDocument(pdfs[0].read_bytes())[1].render(scale=200 / 72).to_pil().convert("L")
        scan = io.BytesIO()
        page.save(scan, "PDF", resolution=200)
        started = time.perf_counter()
        read_document(scan.getvalue())
        print(f"  ocr : one scanned page (200 dpi, read at 300 dpi): {time.perf_counter() - started:.1f} s/page")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
