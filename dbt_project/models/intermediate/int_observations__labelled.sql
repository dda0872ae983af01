with

reported as (
    select * from {{ ref('int_observations__reported') }}
),

derived as (
    select * from {{ ref('int_observations__derived') }}
),

regions as (
    select * from {{ ref('stg_reference__regions') }}
),

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

documents as (
    select * from {{ ref('int_documents__with_origin') }}
),

conflicts as (
    select * from {{ ref('int_facts__conflicts') }}
),

-- Conflicts where a reviewer rejected a statement: what remains canonical says so.
rejections as (
    select * from {{ ref('stg_reviews__decisions') }}
    where item_kind = 'conflict' and decision = 'rejected'
),

unioned as (
    select
        *,
        false as is_derived,
        cast(null as double) as numerator_value,
        cast(null as varchar) as numerator_indicator,
        cast(null as bigint) as population,
        cast(null as integer) as population_year,
        cast(null as varchar) as population_measure,
        cast(null as varchar) as population_source_url,
        cast(null as varchar) as derivation
    from reported
    union all by name
    select *, true as is_derived from derived
),

observations as (
    select
        {{ observation_id() }} as observation_id,
        {{ fact_id() }} as fact_id,
        *
    from unioned
),

labelled as (
    select
        observations.observation_id,
        observations.fact_id,

        -- what
        observations.region_code,
        regions.region_name,
        regions.level as region_level,
        observations.indicator,
        indicators.name_zh as indicator_name_zh,
        indicators.name_en as indicator_name_en,
        observations.year,
        observations.kind,

        -- the number
        observations.value,
        observations.value_high,
        observations.value_resolution,
        observations.unit,
        observations.comparator,
        observations.binding,

        -- provenance
        observations.source_type,
        observations.source_id,
        observations.is_derived,
        observations.derivation,
        observations.document_id,
        documents.document_name,
        documents.title as document_title,
        observations.document_kind,
        observations.source_url,
        observations.publisher,
        observations.publication_date,
        observations.precedence,
        observations.quote,
        observations.statistics_file,
        observations.statistics_row_number,
        observations.statement_count,

        -- a reviewer's decision on this value (data/reviews/)
        observations.review_item_id,
        observations.review_decision,
        observations.reviewed_by,
        observations.reviewed_at,
        observations.review_reason,

        -- inputs of a derived rate
        observations.numerator_value,
        observations.numerator_indicator,
        observations.population,
        observations.population_year,
        observations.population_measure,
        observations.population_source_url,

        -- the fact's sources
        count(*) over fact as source_count,
        row_number() over (
            fact
            order by observations.review_decision is not distinct from 'chosen' desc,
                observations.precedence nulls last,
                observations.publication_date desc nulls last,
                observations.source_id
        ) as source_rank,
        conflicts.fact_id is not null as has_conflict
    from observations
    left join regions on regions.region_code = observations.region_code
    left join indicators on indicators.indicator = observations.indicator
    left join documents on documents.document_id = observations.document_id
    left join conflicts on conflicts.fact_id = observations.fact_id
    window fact as (partition by observations.fact_id)
),

-- The canonical row of a fact (region, indicator, year and kind) is the one a reviewer chose,
-- else its observation from the source of the lowest precedence
-- (data/reference/source_precedence.csv: a statistics file, then a statistical bulletin, then
-- a plan's or report's review, then news); among equals the later publication, an undated one
-- last; then the source id, so that the choice is stable. A derived rate ranks as the source
-- of its count. Where a reviewer rejected a statement of the fact, the canonical row says so.
final as (
    select
        labelled.* replace (
            coalesce(labelled.review_item_id, rejected.review_item_id) as review_item_id,
            coalesce(labelled.review_decision,
                     case when rejected.review_item_id is not null then 'other_rejected' end) as review_decision,
            coalesce(labelled.reviewed_by, rejected.reviewed_by) as reviewed_by,
            coalesce(labelled.reviewed_at, rejected.reviewed_at) as reviewed_at,
            coalesce(labelled.review_reason, rejected.review_reason) as review_reason
        ),
        labelled.source_rank = 1 as is_canonical
    from labelled
    left join rejections as rejected
        on labelled.source_rank = 1
        and rejected.review_item_id = {{ review_item_id('conflict', ['labelled.fact_id']) }}
)

select * from final
