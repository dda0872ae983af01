with

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

origins as (
    select * from {{ ref('int_documents__with_origin') }}
),

precedence as (
    select * from {{ ref('stg_reference__source_precedence') }}
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
        origins.title,
        documents.region_code,
        documents.region_name,
        documents.region_reason,
        documents.document_kind,
        documents.period_label,
        documents.period_start,
        documents.period_end,
        origins.publication_date,
        origins.url,
        origins.publisher,
        origins.retrieved_date,
        origins.licence,
        origins.origin_file,
        precedence.precedence,
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
    inner join origins on origins.document_id = documents.document_id
    left join figure_counts on figure_counts.document_id = documents.document_id
    left join precedence on precedence.document_kind = documents.document_kind
)

select * from final
