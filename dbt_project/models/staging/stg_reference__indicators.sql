with

source as (
    select * from {{ source('raw', 'indicators') }}
),

renamed as (
    select
        indicator,
        name_zh,
        name_en,
        unit,
        coalesce(is_headline, false) as is_headline,
        description
    from source
)

select * from renamed
