with

statements as (
    select * from {{ ref('int_fact_statements') }}
),

observations as (
    select * from {{ ref('int_observations__labelled') }}
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

-- Every statement of a fact with its source: each figure record of a document (a fact a
-- document states twice is two rows) and each statistics row. The observation a statement
-- belongs to is its source's row in the fact marts; the marts show its first statement. A
-- statement a reviewer rejected stays here, marked, and is never the one the marts show.
final as (
    select
        statements.statement_id,
        statements.fact_id,
        statements.observation_id,

        -- what
        statements.region_code,
        regions.region_name,
        statements.indicator,
        indicators.name_zh as indicator_name_zh,
        statements.year,
        statements.kind,

        -- the number as stated
        statements.value,
        statements.value_high,
        statements.value_resolution,
        statements.unit,
        statements.comparator,
        statements.binding,

        -- the source
        statements.source_type,
        statements.source_id,
        statements.document_kind,
        statements.precedence,
        statements.document_id,
        documents.document_name,
        documents.title as document_title,
        statements.record_number,
        statements.location,
        statements.statistics_file,
        statements.statistics_row_number,
        statements.source_url,
        statements.publisher,
        statements.publication_date,
        statements.quote,

        -- a reviewer's decision on it (data/reviews/)
        statements.review_item_id,
        statements.review_decision,
        statements.reviewed_by,
        statements.reviewed_at,
        statements.review_reason,

        -- where it stands
        statements.statement_number,
        statements.statement_number = 1 as is_observation_statement,
        coalesce(observations.is_canonical, false) and statements.statement_number = 1 as is_canonical,
        observations.source_count,
        observations.has_conflict
    from statements
    left join observations on observations.observation_id = statements.observation_id
    left join regions on regions.region_code = statements.region_code
    left join indicators on indicators.indicator = statements.indicator
    left join documents on documents.document_id = statements.document_id
)

select * from final
