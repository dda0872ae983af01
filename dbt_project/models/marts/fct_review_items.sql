with

skipped as (
    select * from {{ ref('stg_ingest__skipped_figures') }}
),

quarantined as (
    select * from {{ ref('stg_quality__quarantine') }}
),

conflicts as (
    select * from {{ ref('fct_source_conflicts') }}
),

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

decisions as (
    select * from {{ ref('stg_reviews__decisions') }}
),

-- A figure the parser saw and did not take: the note says what and why; the figure is the
-- document's region's, its indicator, year and value for the reviewer to state.
skipped_items as (
    select distinct
        skipped.review_item_id,
        'skipped' as item_kind,
        'document' as source_kind,
        skipped.document_id,
        skipped.document_name as source_file,
        cast(null as integer) as record_number,
        documents.region_code,
        cast(null as varchar) as indicator,
        cast(null as varchar) as year,
        cast(null as varchar) as kind,
        cast(null as varchar) as value,
        cast(null as varchar) as unit,
        cast(null as varchar) as quote,
        cast(null as varchar) as source_url,
        skipped.reason
    from skipped
    left join documents on documents.document_id = skipped.document_id
),

-- A row the raw suite held back, as written; two identical rows are one item.
quarantined_items as (
    select 'quarantined' as item_kind, *
    from quarantined
    qualify row_number() over (partition by review_item_id order by source_file, record_number) = 1
),

-- A fact whose statements disagree: the value the marts chose, and every statement.
conflict_items as (
    select
        review_item_id,
        'conflict' as item_kind,
        case when canonical_source_type = 'annual_statistics' then 'statistics' else 'document' end
            as source_kind,
        cast(null as varchar) as document_id,
        canonical_source as source_file,
        cast(null as integer) as record_number,
        region_code,
        indicator,
        cast(year as varchar) as year,
        kind,
        {{ readable_number('canonical_value') }} as value,
        unit,
        statements as quote,
        canonical_source_url as source_url,
        'statements disagree beyond rounding'
            || case
                when within_one_source and between_sources then ' (inside one source and between sources)'
                when within_one_source then ' (inside one source)'
                else ' (between sources)'
            end as reason
    from conflicts
),

items as (
    select * from skipped_items
    union all by name
    select * from quarantined_items
    union all by name
    select * from conflict_items
),

final as (
    select
        items.*,
        coalesce(decisions.decision, 'open') as status,
        decisions.reviewed_by,
        decisions.reviewed_at,
        decisions.review_reason,
        decisions.decision_file
    from items
    left join decisions on decisions.review_item_id = items.review_item_id
)

select * from final
