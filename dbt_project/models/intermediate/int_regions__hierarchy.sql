with recursive

regions as (
    select * from {{ ref('stg_reference__regions') }}
),

-- Walk down from the country: each region inherits its ancestors' path and codes.
tree as (
    select
        region_code,
        region_name,
        level,
        parent_code,
        cast(null as varchar) as province_code,
        cast(null as varchar) as prefecture_code,
        region_name as region_path,
        0 as depth
    from regions
    where parent_code is null

    union all

    select
        child.region_code,
        child.region_name,
        child.level,
        child.parent_code,
        case when child.level = 'province' then child.region_code else parent.province_code end,
        case when child.level = 'prefecture' then child.region_code else parent.prefecture_code end,
        parent.region_path || ' > ' || child.region_name,
        parent.depth + 1
    from regions as child
    inner join tree as parent on child.parent_code = parent.region_code
),

final as (
    select
        tree.region_code,
        tree.region_name,
        tree.level,
        tree.parent_code,
        tree.province_code,
        tree.prefecture_code,
        tree.region_path,
        tree.depth,
        regions.aliases
    from tree
    inner join regions on regions.region_code = tree.region_code
)

select * from final
