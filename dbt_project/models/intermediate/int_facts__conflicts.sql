with

statements as (
    select * from {{ ref('int_fact_statements') }}
),

-- Every two statements of one fact that disagree beyond rounding (macros/values_agree.sql),
-- whether from two sources or from one document that states the fact twice.
disagreeing_pairs as (
    select
        one.fact_id,
        one.source_id = other.source_id as same_source
    from statements as one
    inner join statements as other
        on other.fact_id = one.fact_id
        and other.statement_id > one.statement_id
    where not {{ values_agree('one', 'other') }}
),

final as (
    select
        fact_id,
        count(*) as disagreeing_pairs,
        bool_or(same_source) as within_one_source,
        bool_or(not same_source) as between_sources
    from disagreeing_pairs
    group by fact_id
)

select * from final
