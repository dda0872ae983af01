with

figures as (
    select * from {{ ref('stg_ingest__figures') }}
),

statistics as (
    select * from {{ ref('stg_statistics__annual_statistics') }}
),

documents as (
    select * from {{ ref('int_documents__with_origin') }}
),

precedence as (
    select * from {{ ref('stg_reference__source_precedence') }}
),

decisions as (
    select * from {{ ref('stg_reviews__decisions') }}
),

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

-- The items that can be accepted, as this run meets them: a decision whose item is gone (the
-- document edited or removed, the row corrected at its source) no longer adds anything.
open_to_accept as (
    select review_item_id from {{ ref('stg_ingest__skipped_figures') }}
    union
    select review_item_id from {{ ref('stg_quality__quarantine') }}
),

-- Every figure record of a document is a statement, repeats inside one document included.
document_statements as (
    select
        figures.figure_id as statement_id,
        figures.region_code,
        figures.indicator,
        figures.year,
        figures.kind,
        figures.value,
        figures.value_high,
        figures.value_resolution,
        figures.unit,
        figures.comparator,
        figures.binding,
        'document' as source_type,
        figures.document_id as source_id,
        figures.document_id,
        documents.document_kind,
        figures.record_number,
        figures.location,
        documents.document_name as source_name,
        cast(null as varchar) as statistics_file,
        cast(null as integer) as statistics_row_number,
        documents.url as source_url,
        documents.publisher,
        documents.publication_date,
        figures.quote
    from figures
    left join documents on documents.document_id = figures.document_id
),

-- Every accepted statistics row is a statement; a file never repeats a fact (the raw gate).
statistics_statements as (
    select
        statistic_id as statement_id,
        region_code,
        indicator,
        year,
        'actual' as kind,
        value,
        cast(null as double) as value_high,
        value_resolution,
        unit,
        '=' as comparator,
        cast(null as varchar) as binding,
        'annual_statistics' as source_type,
        'statistics:' || statistics_file as source_id,
        cast(null as varchar) as document_id,
        cast(null as varchar) as document_kind,
        cast(null as integer) as record_number,
        cast(null as varchar) as location,
        statistics_file as source_name,
        statistics_file,
        statistics_row_number,
        source_url,
        cast(null as varchar) as publisher,
        cast(null as date) as publication_date,
        quote
    from statistics
),

-- A skipped figure or quarantined row a reviewer accepted (warehouse/reviews.py) is a statement
-- of its source, as the decision states it; the unit is the catalogue's.
accepted_statements as (
    select
        'review:' || decisions.review_item_id as statement_id,
        decisions.region_code,
        decisions.indicator,
        decisions.year,
        decisions.kind,
        decisions.value,
        cast(null as double) as value_high,
        decisions.value_resolution,
        indicators.unit,
        '=' as comparator,
        cast(null as varchar) as binding,
        case decisions.source_kind when 'document' then 'document' else 'annual_statistics' end as source_type,
        case decisions.source_kind
            when 'document' then decisions.document_id
            else 'statistics:' || decisions.source
        end as source_id,
        documents.document_id,
        documents.document_kind,
        cast(null as integer) as record_number,
        cast(null as varchar) as location,
        coalesce(documents.document_name, decisions.source) as source_name,
        case when decisions.source_kind = 'statistics' then decisions.source end as statistics_file,
        cast(null as integer) as statistics_row_number,
        coalesce(documents.url, decisions.source_url) as source_url,
        documents.publisher,
        documents.publication_date,
        decisions.quote
    from decisions
    left join documents
        on decisions.source_kind = 'document' and documents.document_id = decisions.document_id
    left join indicators on indicators.indicator = decisions.indicator
    where decisions.decision = 'accepted'
        and decisions.review_item_id in (select review_item_id from open_to_accept)
        and (decisions.source_kind = 'statistics' or documents.document_id is not null)
),

unioned as (
    select * from document_statements
    union all
    select * from statistics_statements
    union all
    select * from accepted_statements
),

keyed as (
    select
        {{ fact_id() }} as fact_id,
        {{ observation_id() }} as observation_id,
        *
    from unioned
),

-- A decision on a conflict names statements of its fact by value and/or source (a document's
-- file name or a statistics file): those are chosen as the fact's canonical value, or rejected.
conflict_decisions as (
    select * from decisions where item_kind = 'conflict'
),

reviewed as (
    select
        keyed.*,
        coalesce(conflict_decisions.review_item_id, accepted.review_item_id) as review_item_id,
        case
            when conflict_decisions.decision = 'rejected' then 'rejected'
            when conflict_decisions.decision is not null then 'chosen'
            when accepted.review_item_id is not null then 'accepted'
        end as review_decision,
        coalesce(conflict_decisions.reviewed_by, accepted.reviewed_by) as reviewed_by,
        coalesce(conflict_decisions.reviewed_at, accepted.reviewed_at) as reviewed_at,
        coalesce(conflict_decisions.review_reason, accepted.review_reason) as review_reason
    from keyed
    left join conflict_decisions
        on conflict_decisions.review_item_id = {{ review_item_id('conflict', ['keyed.fact_id']) }}
        and (conflict_decisions.source is null or conflict_decisions.source = keyed.source_name)
        and (conflict_decisions.value is null
             or abs(conflict_decisions.value - keyed.value)
                <= 1e-9 * greatest(abs(conflict_decisions.value), abs(keyed.value), 1))
    left join decisions as accepted on 'review:' || accepted.review_item_id = keyed.statement_id
),

-- The source's precedence comes from data/reference/source_precedence.csv, by source type and
-- document kind; within one source, statements are numbered in document (or file) order,
-- after the ones a reviewer chose or accepted and before the ones a reviewer rejected.
final as (
    select
        reviewed.*,
        precedence.precedence,
        row_number() over (
            partition by reviewed.observation_id
            order by case reviewed.review_decision
                    when 'chosen' then 0 when 'accepted' then 1 when 'rejected' then 3 else 2
                end,
                reviewed.record_number, reviewed.statistics_row_number, reviewed.statement_id
        ) as statement_number,
        count(*) over (partition by reviewed.observation_id) as statement_count
    from reviewed
    left join precedence
        on precedence.source_type = reviewed.source_type
        and precedence.document_kind is not distinct from reviewed.document_kind
)

select * from final
