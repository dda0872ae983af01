with

source as (
    select * from {{ source('raw', 'population') }}
),

renamed as (
    select
        region_code,
        cast(year as integer) as year,
        measure,
        cast(value as bigint) as population,
        -- Census counts (7th census, 2020-11-01) are the anchor the derivation rule falls back to.
        measure = 'resident_population' as is_census,
        source_url,
        note
    from source
)

select * from renamed
