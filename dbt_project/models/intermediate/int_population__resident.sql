with

population as (
    select * from {{ ref('stg_reference__population') }}
),

-- Rates per 10,000 people are per resident: census counts, and year-end estimates between
-- censuses. Registered (户籍) and 60+ counts are other denominators and are left out.
resident as (
    select *
    from population
    where measure in ('resident_population', 'year_end_resident_population')
),

-- A census count and a year-end estimate of the same year: the census count wins.
ranked as (
    select
        *,
        row_number() over (
            partition by region_code, year
            order by is_census desc
        ) as preference
    from resident
)

select
    region_code,
    year,
    population,
    measure as population_measure,
    is_census,
    source_url as population_source_url
from ranked
where preference = 1
