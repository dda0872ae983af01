with

reported as (
    select * from {{ ref('int_observations__reported') }}
),

population as (
    select * from {{ ref('int_population__resident') }}
),

indicators as (
    select * from {{ ref('stg_reference__indicators') }}
),

-- Which count a per-10,000 rate is computed from.
rate_of_count as (
    select * from (values
        ('social_orgs', 'social_orgs_per_10k'),
        ('certified_social_workers', 'certified_social_workers_per_10k')
    ) as pairs (count_indicator, rate_indicator)
),

reported_rates as (
    select distinct region_code, indicator, year, kind
    from reported
),

-- A rate is derived only where no source reports a rate for the same region, year and kind.
counts_without_rate as (
    select
        reported.*,
        rate_of_count.rate_indicator
    from reported
    inner join rate_of_count on rate_of_count.count_indicator = reported.indicator
    where not exists (
        select 1
        from reported_rates
        where reported_rates.region_code = reported.region_code
          and reported_rates.indicator = rate_of_count.rate_indicator
          and reported_rates.year = reported.year
          and reported_rates.kind = reported.kind
    )
),

-- Population choice: the same year's resident population if the reference has it,
-- else the census count nearest in time (the earlier one on a tie).
population_choices as (
    select
        counts.*,
        population.year as population_year,
        population.population,
        population.population_measure,
        population.is_census,
        population.population_source_url,
        row_number() over (
            partition by counts.region_code, counts.indicator, counts.year, counts.kind,
                counts.source_id
            order by
                population.year = counts.year desc,
                abs(population.year - counts.year),
                population.year
        ) as preference
    from counts_without_rate as counts
    inner join population
        on population.region_code = counts.region_code
        and (population.year = counts.year or population.is_census)
),

derived as (
    select
        choices.region_code,
        choices.rate_indicator as indicator,
        choices.year,
        choices.kind,
        choices.value * 10000.0 / choices.population as value,
        choices.value_high * 10000.0 / choices.population as value_high,
        -- The count's rounding carried through the division.
        choices.value_resolution * 10000.0 / choices.population as value_resolution,
        indicators.unit,
        choices.comparator,
        choices.binding,
        'derived' as source_type,
        choices.source_id,
        choices.document_id,
        choices.document_kind,
        choices.source_url,
        choices.publisher,
        choices.publication_date,
        -- A rate ranks as the source of its count does.
        choices.precedence,
        choices.quote,
        choices.statistics_file,
        choices.statistics_row_number,
        choices.statement_count,
        -- A reviewer's decision on the count is the rate's too, as its precedence is.
        choices.review_item_id,
        choices.review_decision,
        choices.reviewed_by,
        choices.reviewed_at,
        choices.review_reason,
        choices.value as numerator_value,
        choices.indicator as numerator_indicator,
        choices.population,
        choices.population_year,
        choices.population_measure,
        choices.population_source_url,
        {{ readable_number('choices.value') }} || ' ' || choices.unit
            || ' / ' || cast(choices.population as varchar) || ' residents ('
            || cast(choices.population_year as varchar)
            || case when choices.is_census then ' census' else ' year-end estimate' end
            || ') x 10000' as derivation
    from population_choices as choices
    inner join indicators on indicators.indicator = choices.rate_indicator
    where choices.preference = 1
)

select * from derived
