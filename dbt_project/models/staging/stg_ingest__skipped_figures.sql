with

source as (
    select * from {{ source('raw', 'ingest_errors') }}
),

-- What the parser saw but did not take, and why: each is a review item.
renamed as (
    select
        {{ review_item_id('skipped', ['document_id', 'reason']) }} as review_item_id,
        document_id,
        document_name,
        reason
    from source
    where error_kind = 'figure_skipped'
)

select * from renamed
