with

source as (
    select * from {{ source('raw', 'units') }}
),

renamed as (
    select
        unit,
        name_zh as unit_zh,
        min_value,
        max_value,
        is_count,
        bounds_reason
    from source
)

select * from renamed
