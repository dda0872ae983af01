with

source as (
    select * from {{ source('raw', 'quarantine') }}
),

-- A figure record or statistics row the raw suite held back is a review item; a whole file
-- that is no table, or a second copy of a document, is no row to accept (record_number null).
-- The item's key is the row as written, not its place, so that it survives a renumbering.
renamed as (
    select
        {{ review_item_id('quarantined', ['source_kind', 'coalesce(document_id, source_file)', 'region_code',
                                          'indicator', 'year', 'kind', 'value', 'unit', 'quote']) }}
            as review_item_id,
        source_kind,
        source_file,
        document_id,
        record_number,
        region_code,
        indicator,
        year,
        kind,
        value,
        unit,
        quote,
        source_url,
        reason
    from source
    where record_number is not null
)

select * from renamed
