with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

documents as (
    select * from {{ ref('stg_ingest__documents') }}
),

-- Targets are values a document states; a rate derived from a target count is not a target.
targets as (
    select
        observations.*,
        documents.period_start - 1 as plan_base_year
    from observations
    left join documents on documents.document_id = observations.document_id
    where observations.kind = 'target'
      and not observations.is_derived
),

actuals as (
    select * from observations where kind = 'actual'
),

-- Every actual of the same region and indicator up to the target year.
candidates as (
    select
        targets.observation_id as target_id,
        actuals.year,
        actuals.value,
        actuals.source_type,
        actuals.is_derived,
        actuals.is_canonical,
        actuals.source_rank,
        actuals.observation_id,
        coalesce(actuals.document_name, actuals.source_url) as source,
        actuals.source_url,
        actuals.quote,
        actuals.document_id is not distinct from targets.document_id as same_document,
        actuals.year <= coalesce(targets.plan_base_year, targets.year - 1) as by_base_year,
        actuals.year < targets.year as before_target_year
    from targets
    inner join actuals
        on actuals.region_code = targets.region_code
        and actuals.indicator = targets.indicator
        and actuals.year <= targets.year
),

-- Baseline: where the plan starts from. The target's own document's latest actual before
-- the target year; failing that, the latest actual of any source at or before the plan's
-- base year (the year before its period); failing that, the earliest actual before the
-- target year.
baseline_choices as (
    select
        *,
        row_number() over (
            partition by target_id
            order by
                same_document desc,
                by_base_year desc,
                case when same_document or by_base_year then -year else year end,
                is_derived,
                source_rank,
                observation_id
        ) as preference
    from candidates
    where before_target_year
),

-- Latest actual: the canonical actual (int_observations__labelled) of the most recent year
-- up to the target year.
latest_choices as (
    select
        *,
        row_number() over (
            partition by target_id
            order by
                year desc,
                is_canonical desc,
                observation_id
        ) as preference
    from candidates
),

joined as (
    select
        targets.*,
        baseline.year as baseline_year,
        baseline.value as baseline_value,
        latest.year as latest_actual_year,
        latest.value as latest_actual_value,
        latest.source_type as latest_actual_source_type,
        latest.is_derived as latest_actual_is_derived,
        latest.source as latest_actual_source,
        latest.source_url as latest_actual_source_url,
        latest.quote as latest_actual_quote,
        -- Which way is progress? An upper bound (<=) or a target below the baseline means down.
        case
            when targets.comparator = '<=' then 'decrease'
            when targets.comparator <> '>=' and targets.value < baseline.value then 'decrease'
            else 'increase'
        end as direction
    from targets
    left join baseline_choices as baseline
        on baseline.target_id = targets.observation_id and baseline.preference = 1
    left join latest_choices as latest
        on latest.target_id = targets.observation_id and latest.preference = 1
),

measured as (
    select
        *,
        -- The straight line from (baseline_year, baseline_value) to (target year, target value).
        case
            when baseline_year is not null and latest_actual_year is not null
                then baseline_value + (value - baseline_value)
                    * (latest_actual_year - baseline_year) / (year - baseline_year)
        end as expected_value_at_actual_year,
        case
            when latest_actual_value is null then null
            when direction = 'increase' then latest_actual_value >= value
            else latest_actual_value <= value
        end as target_met
    from joined
),

final as (
    select
        observation_id as target_id,
        region_code,
        region_name,
        region_level,
        indicator,
        indicator_name_zh,
        indicator_name_en,
        unit,
        year as target_year,
        value as target_value,
        value_high as target_value_high,
        comparator as target_comparator,
        binding as target_binding,
        document_id as target_document_id,
        document_name as target_document_name,
        quote as target_quote,
        source_url as target_source_url,
        publisher as target_publisher,
        -- Whether this target is its fact's canonical one, and how many sources set a target
        -- for the same region, indicator and year.
        is_canonical,
        source_count,
        has_conflict,
        baseline_year,
        baseline_value,
        latest_actual_year,
        latest_actual_value,
        latest_actual_source,
        latest_actual_source_url,
        latest_actual_source_type,
        latest_actual_is_derived,
        latest_actual_quote,
        latest_actual_year > baseline_year as actual_after_baseline,
        -- The year the statuses are judged in: today's, or the dbt variable as_of_year.
        {{ var('as_of_year', modules.datetime.date.today().year) }} as as_of_year,
        year < {{ var('as_of_year', modules.datetime.date.today().year) }} as target_year_passed,
        direction,
        value - latest_actual_value as gap,
        expected_value_at_actual_year,
        target_met,
        -- A small tolerance, so that a value exactly on the line is not behind by rounding.
        case
            when latest_actual_value is null then null
            when target_met then true
            when expected_value_at_actual_year is null then false
            when direction = 'increase'
                then latest_actual_value >= expected_value_at_actual_year - 1e-9
            else latest_actual_value <= expected_value_at_actual_year + 1e-9
        end as on_track
    from measured
)

-- What is known, in this order: no actual at all; the target reached; no actual after the
-- baseline (the plan's own starting figure is no progress); the target year over without an
-- actual for it; then on or off the line from the baseline to the target.
select
    *,
    case
        when latest_actual_value is null then 'no_actual'
        when target_met then 'met'
        when not coalesce(actual_after_baseline, false) then 'no_progress_data'
        when target_year_passed and latest_actual_year < target_year then 'overdue_unknown'
        when on_track then 'on_track'
        else 'behind'
    end as status
from final
