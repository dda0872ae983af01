with

statements as (
    select * from {{ ref('int_fact_statements') }}
),

-- One observation per region, indicator, year, kind and source. A document can state the
-- same fact twice (in the text and again in a table); the first statement in document
-- order is kept, the count of statements carried along, and a disagreement between them
-- is listed in fct_source_conflicts. A statement a reviewer chose or accepted comes first; a
-- source whose every statement of the fact a reviewer rejected gives no observation.
final as (
    select
        region_code,
        indicator,
        year,
        kind,
        value,
        value_high,
        value_resolution,
        unit,
        comparator,
        binding,
        source_type,
        source_id,
        document_id,
        document_kind,
        source_url,
        publisher,
        publication_date,
        precedence,
        quote,
        statistics_file,
        statistics_row_number,
        statement_count,
        review_item_id,
        review_decision,
        reviewed_by,
        reviewed_at,
        review_reason
    from statements
    where statement_number = 1 and review_decision is distinct from 'rejected'
)

select * from final
