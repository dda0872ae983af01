-- GB/T 2260 code changes: how an old code or name (溧水县 320124) maps to the code in force
-- today (溧水区 320117), which every fact of the warehouse uses.
with

history as (
    select * from {{ ref('stg_reference__region_history') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        history.old_code,
        history.old_name,
        history.new_code,
        history.new_name,
        history.changed_year,
        regions.region_path as new_region_path,
        history.note
    from history
    left join regions on regions.region_code = history.new_code
)

select * from final
