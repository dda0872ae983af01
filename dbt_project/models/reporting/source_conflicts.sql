-- The conflicts dashboard: every fact whose sources disagree, with display labels.
with

conflicts as (
    select * from {{ ref('fct_source_conflicts') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        conflicts.fact_id,
        conflicts.region_code,
        {{ region_label('regions.region_path', 'conflicts.region_name') }} as region_label,
        conflicts.indicator,
        conflicts.indicator_name_zh,
        conflicts.year,
        {{ kind_label('conflicts.kind') }} as kind_label,
        conflicts.unit,
        conflicts.statement_count,
        conflicts.source_count,
        case
            when conflicts.within_one_source and conflicts.between_sources
                then '文件内与来源间 Within and between sources'
            when conflicts.within_one_source then '同一文件内 Within one document'
            else '来源之间 Between sources'
        end as conflict_scope,
        conflicts.min_value,
        conflicts.max_value,
        conflicts.spread,
        {{ as_text('conflicts.statements') }} as statements,
        conflicts.canonical_value,
        {{ as_text('conflicts.canonical_source') }} as source_document,
        conflicts.canonical_source_url,
        conflicts.canonical_publisher,
        {{ as_text('conflicts.canonical_quote') }} as canonical_quote,
        conflicts.review_decision,
        conflicts.reviewed_by,
        {{ review_label('conflicts.review_decision', 'conflicts.reviewed_by') }} as review_label
    from conflicts
    left join regions on regions.region_code = conflicts.region_code
)

select * from final
