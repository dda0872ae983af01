with

figures as (
    select * from {{ ref('stg_ingest__figures') }}
),

documents as (
    select * from {{ ref('int_documents__with_origin') }}
),

regions as (
    select * from {{ ref('stg_reference__regions') }}
),

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

final as (
    select
        figures.figure_id,
        figures.document_id,
        figures.record_number,
        documents.document_name,
        documents.title as document_title,
        documents.document_kind,
        figures.region_code,
        regions.region_name,
        regions.level as region_level,
        figures.indicator,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        figures.indicator_text,
        figures.year,
        figures.kind,
        figures.value,
        figures.value_high,
        figures.unit,
        figures.comparator,
        figures.binding,
        figures.value_resolution,
        figures.quote,
        figures.location,
        documents.url as source_url,
        documents.publisher,
        documents.publication_date
    from figures
    inner join documents on documents.document_id = figures.document_id
    left join regions on regions.region_code = figures.region_code
    left join indicators on indicators.indicator = figures.indicator
)

select * from final
