with

source as (
    select * from {{ source('raw', 'figures') }}
),

renamed as (
    select
        -- ids
        document_id || '-' || lpad(cast(record_number as varchar), 4, '0') as figure_id,
        document_id,
        record_number,
        document as document_name,

        -- what the figure is about
        region as region_name,
        region_code,
        indicator,
        indicator_text,
        cast(year as integer) as year,
        kind,

        -- the number
        cast(value as double) as value,
        cast(value_high as double) as value_high,
        cast(value_resolution as double) as value_resolution,
        unit,
        comparator,
        binding,
        quote,
        location
    from source
)

select * from renamed
