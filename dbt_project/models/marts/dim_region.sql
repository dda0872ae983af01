-- Every GB/T 2260 region, with its history: the codes in force today and, from
-- data/reference/region_history.csv, the codes they replaced (溧水县 320124, replaced by
-- 溧水区 320117 in 2013), each pointing to the code in force (`current_code`). Facts carry
-- today's codes only; joining on current_code finds a region under either.
with

hierarchy as (
    select * from {{ ref('int_regions__hierarchy') }}
),

history as (
    select * from {{ ref('stg_reference__region_history') }}
),

-- Several codes can have merged into one (港闸区 320611 and 崇川区 320602 into 崇川区 320613):
-- one row per successor, with the year its code came into force where the history records one.
successors as (
    select new_code, max(changed_year) as changed_year
    from history
    group by new_code
),

current_regions as (
    select
        hierarchy.region_code,
        hierarchy.region_name,
        hierarchy.level,
        hierarchy.parent_code,
        hierarchy.province_code,
        hierarchy.prefecture_code,
        hierarchy.region_path,
        hierarchy.depth,
        hierarchy.aliases,
        hierarchy.region_code as current_code,
        true as is_current,
        successors.changed_year as valid_from_year,
        cast(null as integer) as valid_until_year
    from hierarchy
    left join successors on successors.new_code = hierarchy.region_code
),

-- An old code sat where its successor sits: same parent, level and place in the hierarchy.
replaced_regions as (
    select
        history.old_code as region_code,
        history.old_name as region_name,
        successor.level,
        successor.parent_code,
        successor.province_code,
        successor.prefecture_code,
        coalesce(parent.region_path || ' > ', '') || history.old_name as region_path,
        successor.depth,
        cast(null as varchar) as aliases,
        successor.region_code as current_code,
        false as is_current,
        cast(null as integer) as valid_from_year,
        history.changed_year as valid_until_year
    from history
    inner join hierarchy as successor on successor.region_code = history.new_code
    left join hierarchy as parent on parent.region_code = successor.parent_code
),

final as (
    select * from current_regions
    union all
    select * from replaced_regions
)

select * from final
