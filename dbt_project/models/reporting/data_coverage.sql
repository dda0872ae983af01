-- The coverage dashboard: one row per fact the warehouse holds (its canonical row).
with

facts as (
    select * from {{ ref('fct_indicator_observations') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        facts.fact_id,
        facts.region_code,
        {{ region_label('regions.region_path', 'facts.region_name') }} as region_label,
        facts.indicator,
        facts.indicator_name_zh,
        facts.year,
        {{ kind_label('facts.kind') }} as kind_label,
        facts.source_count,
        facts.has_conflict
    from facts
    left join regions on regions.region_code = facts.region_code
    where facts.is_canonical
)

select * from final
