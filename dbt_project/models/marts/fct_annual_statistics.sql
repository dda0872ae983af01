with

statistics as (
    select * from {{ ref('stg_statistics__annual_statistics') }}
),

regions as (
    select * from {{ ref('stg_reference__regions') }}
),

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

final as (
    select
        statistics.statistic_id,
        statistics.statistics_file,
        statistics.statistics_row_number,
        statistics.region_code,
        regions.region_name,
        regions.level as region_level,
        statistics.indicator,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        statistics.year,
        statistics.value,
        statistics.unit,
        statistics.source_url,
        statistics.quote,
        statistics.statistics_file_sha256
    from statistics
    left join regions on regions.region_code = statistics.region_code
    left join indicators on indicators.indicator = statistics.indicator
)

select * from final
