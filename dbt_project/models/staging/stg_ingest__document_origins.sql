with

source as (
    select * from {{ source('raw', 'document_origins') }}
),

renamed as (
    select
        document_id,
        origin_file,
        url,
        publisher,
        title,
        cast(published as date) as published_date,
        cast(retrieved as date) as retrieved_date,
        licence
    from source
)

select * from renamed
