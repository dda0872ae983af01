with

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

figures as (
    select * from {{ ref('stg_ingest__figures') }}
),

figure_counts as (
    select
        document_id,
        count(*) as figure_count,
        count(distinct indicator) as indicator_count
    from figures
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.document_name,
        documents.title,
        documents.region_code,
        documents.region_name,
        documents.region_reason,
        documents.document_kind,
        documents.period_label,
        documents.period_start,
        documents.period_end,
        documents.publication_date,
        documents.status,
        documents.rejected_reason,
        documents.encoding,
        documents.document_format,
        documents.size_bytes,
        documents.sha256,
        documents.source_path,
        coalesce(figure_counts.figure_count, 0) as figure_count,
        coalesce(figure_counts.indicator_count, 0) as indicator_count,
        documents.parser_version,
        documents.parsed_at,
        documents.ingested_at
    from documents
    left join figure_counts on figure_counts.document_id = documents.document_id
)

select * from final
