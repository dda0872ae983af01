with

source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        -- ids
        document_id,
        sha256,

        -- the file
        document_name,
        source_path,
        size_bytes,
        encoding,
        format as document_format,
        status,
        rejected_reason,

        -- what the parser read from it
        title,
        region as region_name,
        region_code,
        region_reason,
        document_kind,
        period_label,
        period_start,
        period_end,
        try_cast(publication_date as date) as publication_date,

        -- when
        parser_version,
        cast(parsed_at as timestamptz) as parsed_at,
        cast(landed_at as timestamptz) as ingested_at
    from source
)

select * from renamed
