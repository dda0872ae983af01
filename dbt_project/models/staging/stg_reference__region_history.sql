with

source as (
    select * from {{ source('raw', 'region_history') }}
),

renamed as (
    select
        old_code,
        old_name,
        new_code,
        new_name,
        changed as changed_year,
        note
    from source
)

select * from renamed
