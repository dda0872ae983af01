with

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

units as (
    select * from {{ ref('stg_reference__units') }}
),

final as (
    select
        indicators.indicator,
        indicators.name_zh,
        indicators.name_en,
        indicators.unit,
        units.unit_zh,
        units.unit_en,
        units.min_value as unit_min_value,
        units.max_value as unit_max_value,
        indicators.is_headline,
        indicators.description
    from indicators
    left join units on units.unit = indicators.unit
)

select * from final
