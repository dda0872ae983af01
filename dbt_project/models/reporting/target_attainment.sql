-- The target-attainment dashboard: each target's canonical row with display labels.
with

targets as (
    select * from {{ ref('fct_target_attainment') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

final as (
    select
        targets.target_id,
        targets.region_code,
        targets.region_name,
        {{ region_label('regions.region_path', 'targets.region_name') }} as region_label,
        targets.indicator,
        targets.indicator_name_zh,
        targets.unit,
        targets.target_year,
        targets.target_value,
        targets.target_value_high,
        targets.target_comparator,
        targets.target_binding,
        targets.target_document_id,
        targets.target_document_name,
        {{ as_text('coalesce(documents.title, targets.target_document_name)') }} as target_document_title,
        targets.target_source_url,
        targets.target_publisher,
        targets.source_count,
        {{ as_text('targets.target_quote') }} as target_quote,
        targets.baseline_year,
        targets.baseline_value,
        targets.latest_actual_year,
        targets.latest_actual_value,
        {{ as_text('targets.latest_actual_source') }} as latest_actual_source,
        {{ as_text('targets.latest_actual_quote') }} as latest_actual_quote,
        targets.gap,
        targets.expected_value_at_actual_year,
        targets.on_track,
        targets.status,
        case targets.status
            when 'met' then '已达成 Met'
            when 'on_track' then '进度正常 On track'
            when 'behind' then '落后 Behind'
            when 'no_actual' then '暂无实际值 No actual yet'
            when 'no_progress_data' then '基期后无数据 No data since baseline'
            when 'overdue_unknown' then '已到期待核实 Year passed, result unknown'
            else targets.status
        end as status_label
    from targets
    left join regions on regions.region_code = targets.region_code
    left join documents on documents.document_id = targets.target_document_id
    where targets.is_canonical
)

select * from final
