"""Document bytes to figure records: the parser's public entry points.

    decode (decoding.py) -> normalise (normalise.py) -> metadata (metadata.py)
    -> tables (tables.py) and sentences (prose.py) -> one record per fact
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from decimal import Decimal
from pathlib import Path

from ingest.breakdown import peer_figures, region_breakdown, respective_values
from ingest.catalogue import Catalogue, default_catalogue
from ingest.decoding import check_is_chinese_text
from ingest.formats import read_document
from ingest.kinds import default_kinds
from ingest.metadata import (
    OPENING_CHARACTERS,
    REGION_CONTEXT_CHARACTERS,
    find_occasion_year,
    find_sections,
    find_title,
    read_dates,
    read_metadata,
)
from ingest.normalise import normalise
from ingest.prose import DocumentFrame, ProseFigure, ProseReader, follows_semicolon
from ingest.quantity_tables import quantity_table_figures
from ingest.rankings import ranked_figures
from ingest.records import DocumentMetadata, DocumentRejected, ExtractionResult, FigureRecord
from ingest.regions import COUNTRY_CODE, Region, RegionTable, default_regions
from ingest.sections import map_sections
from ingest.tables import TableFigure, find_tables, row_readings, table_figures

__all__ = ["extract_bytes", "extract_file", "extract_text", "DocumentRejected"]

# Lines that open a table without year columns (project lists, transposed tables):
# not prose, and not read as a table either.
TABLE_LINE = re.compile(r"^(?:序号|统计项目|指标名称|项目名称)[^\n]*", re.M)
COUNTRY_WORDS = re.compile(r"全国|我国")
# What follows a region word that is the subject of a figure's sentence.
# 山东的生态安葬率: a region's own figure, named with 的 right before the wording; 我国将实现……:
# the subject of a goal; 深圳市登记各类社会组织4110个: the region that registers them.
# 昆区正式注册的社会组织有372家: registered (登记, 注册) by the region's own office.
SUBJECT_FOLLOW = re.compile(r"(?:共有|拥有|现有|已有|共计|各类|累计|共|有|的$|将|要|(?:正式|依法)?(?:登记|注册))")
SUBJECT_WINDOW = 60
# What a quote puts between a table's header and its row, or where it cuts a sentence.
QUOTE_GAP = "…"
# Characters of a quote looked up to find its place in the file.
LOCATE_PROBE = 24
# How far a headline's rounded value (近两万, 超3万) may lie from the body's exact one.
ROUNDING_SHARE = Decimal("0.05")
# What joins the names of a list of regions that share one figure.
LIST_JOIN = re.compile(r"\s*[、,，和及与]\s*")
# A city's own words for its area in a figure's clause (目前,全市共注册登记各类社会组织574家), in a text
# about a province: the figure is the city's the text names, not the province's (吉林 provincial
# officials visiting 延吉市, 延吉新闻网 2020).
CITY_AREA = re.compile(r"(?:全市|我市|本市)[^,，;；。:：]*$")
# A region referred back to (广东省民政厅2日称,该省……节地生态安葬率超60%; 目前该市节地生态安葬率达到84.25%):
# the last region of that level the text named before it.
AREA_ANAPHOR = re.compile(r"该(?P<level>省|市|县|区|州)")
# Where an anaphor opens its clause, as the topic of what follows (……2日称,该省多地……).
CLAUSE_OPENING = re.compile(r"(?:^|[,，:：;；。])\s*$")


def _excluded_spans(text: str, tables) -> list[tuple[int, int]]:
    spans = [(t.start, t.end) for t in tables]
    spans += [(m.start(), m.end()) for m in TABLE_LINE.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)]
    return spans


def _figure_regions(text: str, figure: ProseFigure, metadata: DocumentMetadata, regions: RegionTable,
                    mentions, catalogue: Catalogue) -> list[tuple[str, str]] | None:
    """The regions a sentence's own subject names (截至2020年底,全国共有……), when not the document's.

    A region word is the subject when it owns the figure: directly before the wording
    (全国持证社会工作者) or before a verb of having (全国共有, 我国各类). As a mere
    modifier (全国海葬基地落户舟山) it changes nothing. Several regions joined by 、
    or 和 as one subject (A市、B市、C市节地生态安葬率均达到……) each get the figure. 全市 in a text
    about a province is the city the text names most; [] when no one city is (not taken).
    """
    window = max(figure.sentence_start, figure.wording_start - SUBJECT_WINDOW)
    before = text[window : figure.wording_start]
    found = regions.find(before)
    found += [(m.start(), m.end(), COUNTRY_CODE) for m in COUNTRY_WORDS.finditer(before)]
    for anaphor in AREA_ANAPHOR.finditer(before):
        named = _named_before(text, window + anaphor.start(), anaphor.group("level"), regions, mentions)
        # The topic of its clause, when no other region is named between it and the figure.
        topic = (CLAUSE_OPENING.search(before, 0, anaphor.start()) is not None
                 and not any(start >= anaphor.end() for start, _, _ in found))
        if named is not None:
            found.append((anaphor.start(), len(before) if topic else anaphor.end(), named))
    found.sort(reverse=True)
    # An item of a list split by semicolons that opens with a name speaks of that region
    # throughout (……;宁波持证人数2603人,注册社工机构5家;温州……).
    list_item = (figure.wording_start - SUBJECT_WINDOW <= figure.sentence_start
                 and follows_semicolon(text, figure.sentence_start))
    for index, (start, end, written) in enumerate(found):
        if before.endswith("在", 0, start):
            continue  # 在全国有影响力的社会组织达到50家: where they matter, not whose they are
        opens_item = list_item and not before[:start].strip()
        if (end != len(before) and not SUBJECT_FOLLOW.match(before, end) and not opens_item
                and not (_outside_titles(text, figure.sentence_start, window + start)
                         and _names_an_indicator(catalogue, before, end))):
            continue
        if written == COUNTRY_CODE:
            return [(COUNTRY_CODE, regions.regions[COUNTRY_CODE].name)]
        subject = [written]
        # Walk back over a list of names: 舟山市、湖州市和丽水市.
        for earlier_start, earlier_end, earlier in found[index + 1 :]:
            if earlier == COUNTRY_CODE or not LIST_JOIN.fullmatch(before[earlier_end:start]):
                break
            subject.append(earlier)
            start = earlier_start
        resolved = [regions.resolve(name, text, mentions) for name in reversed(subject)]
        codes = list(dict.fromkeys((r.region.code, r.region.name) for r in resolved if r))
        if len(codes) == 1 and codes[0][0] == metadata.region_code:
            return None
        return codes or None
    document = regions.regions.get(metadata.region_code or "")
    if (CITY_AREA.search(before) and document is not None and document.level in ("country", "province")
            and not document.name.endswith("市")):
        city = _city_named_most(text, regions, mentions, document)
        return [(city.code, city.name)] if city else []
    return None


def _names_an_indicator(catalogue: Catalogue, text: str, position: int) -> bool:
    """True when an indicator's wording starts at `position` (安徽省养老床位量相对充足,以平均每1000名老人
    31.8张床位数排名第1): the region it follows owns what the clause goes on to say of it, unless
    both stand in a title (《上海市社会组织直接登记管理若干规定》)."""
    named = catalogue.find(text[position : position + 16])
    return bool(named) and named[0].start == 0 and not named[0].by_context


def _outside_titles(text: str, start: int, position: int) -> bool:
    """True when `position` stands outside every 《title》 opened since `start`."""
    return text.count("《", start, position) == text.count("》", start, position)


def _named_before(text: str, position: int, level: str, regions: RegionTable, mentions) -> str | None:
    """The name, as written, of the last region before `position` whose name ends in `level` (省, 市, 县)."""
    for _, _, written in sorted(regions.find(text[:position]), reverse=True):
        resolution = regions.resolve(written, text, mentions)
        if resolution is not None and resolution.region.name.endswith(level):
            return written
    return None


def _city_named_most(text: str, regions: RegionTable, mentions, document: Region) -> Region | None:
    """The city (a prefecture or county-level 市) within `document`'s area the text names most; None on a tie."""
    counts: dict[str, int] = {}
    for written, count in mentions.items():
        resolution = regions.resolve(written, text, mentions)
        if resolution is None:
            continue
        region = resolution.region
        inside = document.code == COUNTRY_CODE or document in regions.ancestors(region.code)
        if region.name.endswith("市") and region.level in ("prefecture", "district") and inside:
            counts[region.code] = counts.get(region.code, 0) + count
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return regions.regions[ranked[0][0]]


def _without_restatements(figures: list[ProseFigure]) -> list[ProseFigure]:
    """Drop a figure dated only by the document's present when the text states the same value with its year.

    A headline repeats the body's figure without its date (广州市登记社会组织达8030个 over
    截至2021年底,……达8030个), or rounds it (近两万人 over 1.96万余人): the dated statement
    says which year it is.
    """
    dated = {(f.indicator.code, f.kind, f.value) for f in figures if f.dated}

    def rounds_a_dated(figure: ProseFigure) -> bool:
        # 湖南省持证社工增至近两万人 over 截至去年底……持证社工1.96万余人: a rounded headline;
        # 深圳每万名常住人口拥有社会组织8个 over ……增长至2018年的8.03: the dated value rounded.
        places = max(0, -figure.value.normalize().as_tuple().exponent)
        return any(
            code == figure.indicator.code and kind == figure.kind and (
                (figure.comparator != "=" and abs(value - figure.value) <= ROUNDING_SHARE * max(value, figure.value))
                or (value != figure.value and round(value, places) == figure.value))
            for code, kind, value in dated)

    return [f for f in figures if f.dated or not ((f.indicator.code, f.kind, f.value) in dated or rounds_a_dated(f))]


def _plain(value: Decimal) -> Decimal:
    """15.9万 computed as Decimal('159000.0') becomes 159000; 65.20 stays 65.20's value 65.2."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _without_bounds_of_exact(records: list[tuple[int, FigureRecord]]) -> list[tuple[int, FigureRecord]]:
    """Drop a bound (突破80万, 超过9万) when the document states the same fact exactly and the bound holds.

    A headline rounds the body's figure down to a milestone (我国社会组织突破80万 over
    平台收录的社会组织已达80.5190万个): the exact statement is the fact, the bound adds nothing.
    """
    exact: dict[tuple, set[Decimal]] = {}
    for _, record in records:
        # 约为18.6张 is as exact as the text gets, against a headline's 不足19张.
        if record.comparator in ("=", "~") and record.value_high is None:
            exact.setdefault(record.key()[:4], set()).add(record.value)

    # A bound equal to the exact value is the same statement made more precisely (到2025年养老服务床位达
    # 900万张 in a headline, 达到900万张以上 in the body): _merge keeps it, with its comparator.
    def implied(record: FigureRecord) -> bool:
        values = exact.get(record.key()[:4], set())
        if record.comparator in (">=", ">"):
            return any(value > record.value for value in values)
        if record.comparator in ("<=", "<"):
            return any(value < record.value for value in values)
        return False

    return [(offset, record) for offset, record in records if not implied(record)]


def _merge(records: list[tuple[int, FigureRecord]]) -> list[FigureRecord]:
    """One record per fact: the first quote (prose comes first), the binding and comparator any copy states."""
    merged: dict[tuple, FigureRecord] = {}
    order: dict[tuple, int] = {}
    for offset, record in records:
        key = record.key()
        if key not in merged:
            merged[key], order[key] = record, offset
            continue
        kept = merged[key]
        updates = {}
        if kept.binding is None and record.binding is not None:
            updates["binding"] = record.binding
        if kept.comparator == "=" and record.comparator != "=":
            updates["comparator"] = record.comparator
        if updates:
            merged[key] = FigureRecord(**{**kept.__dict__, **updates})
    return [merged[key] for key in sorted(merged, key=order.__getitem__)]


def extract_text(text: str, metadata: DocumentMetadata, catalogue: Catalogue | None = None,
                 regions: RegionTable | None = None) -> ExtractionResult:
    """Figure records of an already decoded document.

    A compilation of several yearly documents (find_sections) is read part by part: each
    part's figures take the year its own opening and dates give, the region and kind stay
    the compilation's.
    """
    catalogue = catalogue or default_catalogue()
    regions = regions or default_regions()
    text = catalogue.join_wrapped_values(normalise(text))
    try:
        check_is_chinese_text(text)
    except DocumentRejected as refused:
        raise DocumentRejected(f"nothing left after removing spam and site boilerplate: {refused.reason}") from None
    mentions = regions.mentions(text[:REGION_CONTEXT_CHARACTERS])
    metadata = read_metadata(text, metadata, regions, mentions)
    result = ExtractionResult(metadata=metadata)
    if metadata.region_code is None:
        result.notes.append("no region could be decided for the document; no figures taken")
        return result
    starts = find_sections(text)
    if not starts:
        records = _records(text, metadata, catalogue, regions, mentions, result.notes)
    else:
        records = []
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            part = text[start:end]
            dated = dataclasses.replace(metadata)
            read_dates(part, dated, default_kinds()[metadata.document_kind], find_title(part))
            part_notes: list[str] = []
            records += [(start + offset, record) for offset, record in
                        _records(part, dated, catalogue, regions, mentions, part_notes)]
            result.notes += [f"part from offset {start} ({dated.reference_year}): {note}" for note in part_notes]
    result.records = _merge(_without_bounds_of_exact(records))
    return result


def _records(text: str, metadata: DocumentMetadata, catalogue: Catalogue, regions: RegionTable, mentions,
             notes: list[str]) -> list[tuple[int, FigureRecord]]:
    """(offset, record) of each figure of one document (or one part of a compilation)."""
    # A counted yearly day (3月19日是第13个国际社工日) dates the text as its publication date does.
    occasion = find_occasion_year(text[:OPENING_CHARACTERS])
    dated = metadata.publication_date is not None or (occasion is not None and occasion == metadata.reference_year)
    kind = default_kinds()[metadata.document_kind]
    # The year an annual document is for (2023年……政府工作报告, 2023年工作要点) is stated, not guessed:
    # its 去年 and 过去一年 are the year before (过去一年,全市新增养老床位2000张).
    dated = dated or (kind.now == "period_start" and metadata.period_start is not None)
    frame = DocumentFrame(kind, metadata.period_start, metadata.period_end,
                          metadata.reference_year, dated=dated)
    tables = find_tables(text, frame.base_year, catalogue)
    prose = ProseReader(catalogue, frame, map_sections(text)).read(text, _excluded_spans(text, tables), notes)
    prose = _without_restatements(prose)
    confirmed: dict[str, set[Decimal]] = {}
    for figure in prose:
        confirmed.setdefault(figure.indicator.code, set()).add(figure.value)
    # Rows split with certainty confirm the rows of other tables (a 2020 actual stated in two tables).
    readings = row_readings(tables, catalogue)
    for figure in table_figures(text, tables, catalogue, confirmed, [], readings):
        confirmed.setdefault(figure.indicator.code, set()).add(figure.value)
    from_tables = table_figures(text, tables, catalogue, confirmed, notes, readings)
    from_tables += quantity_table_figures(text, catalogue, frame.now_year, notes)

    def record(figure, region_code: str, region: str, **changes) -> FigureRecord:
        fields = dict(
            document=metadata.document,
            region=region,
            region_code=region_code,
            indicator=figure.indicator.code,
            indicator_text=figure.label if isinstance(figure, TableFigure) else figure.wording,
            year=figure.year,
            value=_plain(figure.value),
            value_high=getattr(figure, "value_high", None),
            unit=figure.indicator.unit.code,
            kind=figure.kind,
            comparator=getattr(figure, "comparator", "="),
            binding=figure.binding if isinstance(figure, TableFigure) else None,
            quote=figure.quote,
        )
        return FigureRecord(**{**fields, **changes})

    records: list[tuple[int, FigureRecord]] = []
    for index, figure in enumerate(prose):
        subjects = _figure_regions(text, figure, metadata, regions, mentions, catalogue)
        if subjects is None:
            subjects = [(metadata.region_code, metadata.region)]
        elif not subjects:
            notes.append(f"'{figure.wording}' {figure.value}: the city's own figure (全市, 我市) in a text "
                         "about a wider area, and no one city named most; not taken")
            continue
        if len(subjects) > 1 and "分别" in text[figure.wording_start + len(figure.wording) : figure.start]:
            # 舟山市、湖州市和丽水市节地生态安葬率分别达到60%、55%和50%: one value each, in order.
            values = respective_values(text, figure.start, figure)
            if len(values) != len(subjects):
                notes.append(f"'{figure.wording}': {len(subjects)} regions and {len(values)} values "
                             "stated 分别 (respectively), not taken")
                continue
            records += [(figure.start, record(figure, code, region, value=_plain(value), comparator=comparator))
                        for (code, region), (_, value, comparator) in zip(subjects, values, strict=True)]
            continue
        records += [(figure.start, record(figure, code, region)) for code, region in subjects]
        if len(subjects) == 1:
            # The run of its regions' figures may reach up to the next figure's wording.
            limit = prose[index + 1].wording_start if index + 1 < len(prose) else len(text)
            if limit <= figure.start:
                limit = len(text)
            for item in (region_breakdown(text, figure, subjects[0][0], limit, regions, mentions)
                         + peer_figures(text, figure, subjects[0][0], regions, mentions)):
                records.append((figure.start, record(
                    figure, item.region.code, item.region.name, value=_plain(item.value), value_high=None,
                    comparator=item.comparator, quote=item.quote)))
    for ranked in ranked_figures(text, catalogue, regions, mentions, metadata.region_code, frame.now_year):
        records.append((ranked.start, record(ranked, ranked.region.code, ranked.region.name)))
    # Prose before tables: the first statement of a fact gives its quote (_merge).
    records += [(figure.start, record(figure, metadata.region_code, metadata.region)) for figure in from_tables]
    return records


def locate(records: list[FigureRecord], located: list[tuple[str, str]], prefix: str = "") -> list[FigureRecord]:
    """The records with the place of their quote in the file: the first located line holding it.

    Lines are normalised as the document was, so a quote (normalised text) is found in them; a
    table figure's quote is its header, then … and its row: the row is looked up. Where no
    line holds the quote, the record says only which member of an archive it comes from.
    """
    if not located and not prefix:
        return records
    # Lines are normalised as far as the search needs them, once each.
    normalised: list[str] = []

    def line(index: int) -> str:
        while len(normalised) <= index:
            normalised.append(normalise(located[len(normalised)][0]))
        return normalised[index]

    placed = []
    for record in records:
        quote = record.quote.split(QUOTE_GAP)[-1].strip(QUOTE_GAP + " ")
        probe = quote[:LOCATE_PROBE]
        where = next((where for index, (_, where) in enumerate(located) if probe and probe in line(index)), None)
        label = f"{prefix}{where}" if where else (prefix.removesuffix(": ") or None)
        placed.append(dataclasses.replace(record, location=label))
    return placed


def extract_bytes(data: bytes, name: str) -> ExtractionResult:
    """Parse one document given as bytes, in any format `ingest.formats` reads; raise DocumentRejected
    when it is not a readable document. An archive's members are parsed each as a document of its own,
    and their records carry the archive's name."""
    read = read_document(data)
    metadata = DocumentMetadata(document=name, sha256=hashlib.sha256(data).hexdigest(),
                                size_bytes=len(data), encoding=read.encoding, format=read.format)
    # Once read, the bytes are not needed: a caller that passed them without keeping
    # a name for them (extract_file) gets their memory back before the parse.
    del data
    if not read.members:
        result = extract_text(read.text, metadata)
        result.records = locate(result.records, read.located)
        result.notes[:0] = read.notes
        if read.truncated_tail:
            result.notes.append("the file ends in the middle of a character; the incomplete bytes were dropped")
        return result
    result = ExtractionResult(metadata=metadata, notes=list(read.notes))
    records: list[tuple[int, FigureRecord]] = []
    regions = set()
    for index, (member_name, member) in enumerate(read.members):
        member_metadata = DocumentMetadata(document=name, sha256=metadata.sha256, size_bytes=metadata.size_bytes,
                                           encoding=member.encoding, format=member.format)
        try:
            part = extract_text(member.text, member_metadata)
        except DocumentRejected as refused:
            result.notes.append(f"{member_name}: {refused.reason}")
            continue
        part.records = locate(part.records, member.located, prefix=f"{member_name}: ")
        regions.add((part.metadata.region_code, part.metadata.region))
        result.notes.extend(f"{member_name}: {note}" for note in [*member.notes, *part.notes])
        records.extend(((index, position), record) for position, record in enumerate(part.records))
    if len(regions) == 1:
        metadata.region_code, metadata.region = next(iter(regions))
    result.records = _merge(_without_bounds_of_exact(records))
    return result


def extract_file(path: str | Path) -> ExtractionResult:
    """Parse one document file; `document` in its records is the file's base name."""
    path = Path(path)
    return extract_bytes(path.read_bytes(), path.name)
