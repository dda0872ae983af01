with

figures as (
    select * from {{ ref('stg_ingest__figures') }}
),

statistics as (
    select * from {{ ref('stg_statistics__annual_statistics') }}
),

documents as (
    select * from {{ ref('int_documents__with_origin') }}
),

precedence as (
    select * from {{ ref('stg_reference__source_precedence') }}
),

-- Every figure record of a document is a statement, repeats inside one document included.
document_statements as (
    select
        figures.figure_id as statement_id,
        figures.region_code,
        figures.indicator,
        figures.year,
        figures.kind,
        figures.value,
        figures.value_high,
        figures.value_resolution,
        figures.unit,
        figures.comparator,
        figures.binding,
        'document' as source_type,
        figures.document_id as source_id,
        figures.document_id,
        documents.document_kind,
        figures.record_number,
        figures.location,
        cast(null as varchar) as statistics_file,
        cast(null as integer) as statistics_row_number,
        documents.url as source_url,
        documents.publisher,
        documents.publication_date,
        figures.quote
    from figures
    left join documents on documents.document_id = figures.document_id
),

-- Every accepted statistics row is a statement; a file never repeats a fact (the raw gate).
statistics_statements as (
    select
        statistic_id as statement_id,
        region_code,
        indicator,
        year,
        'actual' as kind,
        value,
        cast(null as double) as value_high,
        value_resolution,
        unit,
        '=' as comparator,
        cast(null as varchar) as binding,
        'annual_statistics' as source_type,
        'statistics:' || statistics_file as source_id,
        cast(null as varchar) as document_id,
        cast(null as varchar) as document_kind,
        cast(null as integer) as record_number,
        cast(null as varchar) as location,
        statistics_file,
        statistics_row_number,
        source_url,
        cast(null as varchar) as publisher,
        cast(null as date) as publication_date,
        quote
    from statistics
),

unioned as (
    select * from document_statements
    union all
    select * from statistics_statements
),

keyed as (
    select
        {{ fact_id() }} as fact_id,
        {{ observation_id() }} as observation_id,
        *
    from unioned
),

-- The source's precedence comes from data/reference/source_precedence.csv, by source type and
-- document kind; within one source, statements are numbered in document (or file) order.
final as (
    select
        keyed.*,
        precedence.precedence,
        row_number() over (
            partition by keyed.observation_id
            order by keyed.record_number, keyed.statistics_row_number, keyed.statement_id
        ) as statement_number,
        count(*) over (partition by keyed.observation_id) as statement_count
    from keyed
    left join precedence
        on precedence.source_type = keyed.source_type
        and precedence.document_kind is not distinct from keyed.document_kind
)

select * from final
