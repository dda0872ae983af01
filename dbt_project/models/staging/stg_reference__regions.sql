with

source as (
    select * from {{ source('raw', 'regions') }}
),

renamed as (
    select
        region_code,
        region as region_name,
        nullif(parent_code, '') as parent_code,
        level,
        coalesce(aliases, '') as aliases
    from source
)

select * from renamed
