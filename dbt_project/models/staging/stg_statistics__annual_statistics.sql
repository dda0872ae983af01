with

source as (
    select * from {{ source('raw', 'annual_statistics') }}
),

renamed as (
    select
        -- ids
        file || ':' || cast(row_number as varchar) as statistic_id,
        file as statistics_file,
        file_sha256 as statistics_file_sha256,
        row_number as statistics_row_number,

        -- the observation
        region_code,
        indicator,
        cast(year as integer) as year,
        cast(value as double) as value,
        cast(value_resolution as double) as value_resolution,
        unit,

        -- provenance
        source as source_url,
        quote
    from source
)

select * from renamed
