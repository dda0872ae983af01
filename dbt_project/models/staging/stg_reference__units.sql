with

source as (
    select * from {{ source('raw', 'units') }}
),

renamed as (
    select
        unit,
        name_zh as unit_zh,
        name_en as unit_en,
        min_value,
        max_value
    from source
)

select * from renamed
