with

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

origins as (
    select * from {{ ref('stg_ingest__document_origins') }}
),

-- A document's origin sidecar is reviewed data: what it says wins, and what it does not say
-- the parser's metadata fills (title, publication date). The SHA-256 is always the bytes'.
final as (
    select
        documents.document_id,
        documents.document_name,
        documents.document_kind,
        coalesce(origins.title, documents.title) as title,
        coalesce(origins.published_date, documents.publication_date) as publication_date,
        origins.url,
        origins.publisher,
        origins.retrieved_date,
        origins.licence,
        origins.origin_file
    from documents
    left join origins on origins.document_id = documents.document_id
)

select * from final
