with

hierarchy as (
    select * from {{ ref('int_regions__hierarchy') }}
),

final as (
    select
        region_code,
        region_name,
        level,
        parent_code,
        province_code,
        prefecture_code,
        region_path,
        depth,
        aliases
    from hierarchy
)

select * from final
