with

conflicts as (
    select * from {{ ref('int_facts__conflicts') }}
),

statements as (
    select * from {{ ref('bridge_fact_statements') }}
),

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

decisions as (
    select * from {{ ref('stg_reviews__decisions') }}
    where item_kind = 'conflict'
),

-- Each fact's statements in one line, highest precedence first: the value as stated and
-- where (document and record, or statistics file and row), and what a reviewer said of it.
stated as (
    select
        fact_id,
        count(*) as statement_count,
        count(distinct source_id) as source_count,
        min(value) as min_value,
        max(value) as max_value,
        string_agg(
            {{ readable_number('value') }} || ' ('
                || coalesce(document_name || ' record ' || cast(record_number as varchar),
                            statistics_file || ' row ' || cast(statistics_row_number as varchar),
                            coalesce(document_name, statistics_file) || ', accepted in review')
                || case review_decision when 'chosen' then ', chosen' when 'rejected' then ', rejected' else '' end
                || ')',
            '; ' order by precedence nulls last, publication_date desc nulls last, source_id,
                statement_number
        ) as statements
    from statements
    where fact_id in (select fact_id from conflicts)
    group by fact_id
),

canonical as (
    select * from observations where is_canonical
),

final as (
    select
        conflicts.fact_id,
        {{ review_item_id('conflict', ['conflicts.fact_id']) }} as review_item_id,
        canonical.region_code,
        canonical.region_name,
        canonical.indicator,
        canonical.indicator_name_zh,
        canonical.indicator_name_en,
        canonical.year,
        canonical.kind,
        canonical.unit,
        stated.statement_count,
        stated.source_count,
        conflicts.disagreeing_pairs,
        conflicts.within_one_source,
        conflicts.between_sources,
        stated.min_value,
        stated.max_value,
        stated.max_value - stated.min_value as spread,
        stated.statements,
        canonical.value as canonical_value,
        canonical.observation_id as canonical_observation_id,
        canonical.source_type as canonical_source_type,
        canonical.document_kind as canonical_document_kind,
        coalesce(canonical.document_name, canonical.statistics_file) as canonical_source,
        canonical.source_url as canonical_source_url,
        canonical.publisher as canonical_publisher,
        canonical.quote as canonical_quote,
        decisions.decision as review_decision,
        decisions.reviewed_by,
        decisions.reviewed_at,
        decisions.review_reason
    from conflicts
    inner join stated on stated.fact_id = conflicts.fact_id
    inner join canonical on canonical.fact_id = conflicts.fact_id
    left join decisions on decisions.review_item_id = {{ review_item_id('conflict', ['conflicts.fact_id']) }}
)

select * from final
