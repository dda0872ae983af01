with

figures as (
    select * from {{ ref('stg_ingest__figures') }}
),

statistics as (
    select * from {{ ref('stg_statistics__annual_statistics') }}
),

-- Plan documents: one observation per region, indicator, year and kind within a document.
-- A document can state the same fact twice (in the text and again in a table); the first
-- statement in document order is kept and the count of statements is carried along.
document_statements as (
    select
        region_code,
        indicator,
        year,
        kind,
        value,
        value_high,
        unit,
        comparator,
        binding,
        'document' as source_type,
        document_id as source_id,
        document_id,
        cast(null as varchar) as source_url,
        quote,
        cast(null as varchar) as statistics_file,
        cast(null as integer) as statistics_row_number,
        row_number() over (
            partition by region_code, indicator, year, kind, document_id
            order by record_number
        ) as statement_number,
        count(*) over (
            partition by region_code, indicator, year, kind, document_id
        ) as statement_count
    from figures
),

-- Statistics files: rows are validated on load, and a file never repeats a fact.
statistics_rows as (
    select
        region_code,
        indicator,
        year,
        'actual' as kind,
        value,
        cast(null as double) as value_high,
        unit,
        '=' as comparator,
        cast(null as varchar) as binding,
        'annual_statistics' as source_type,
        'statistics:' || statistics_file as source_id,
        cast(null as varchar) as document_id,
        source_url,
        quote,
        statistics_file,
        statistics_row_number,
        1 as statement_number,
        1 as statement_count
    from statistics
),

unioned as (
    select * from document_statements where statement_number = 1
    union all
    select * from statistics_rows
)

select * exclude (statement_number) from unioned
