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
    select * from {{ ref('stg_ingest__documents') }}
),

observations as (
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

labelled as (
    select
        md5(concat_ws('|', observations.region_code, observations.indicator,
            cast(observations.year as varchar), observations.kind, observations.source_type,
            observations.source_id)) as observation_id,

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
        observations.source_url,
        observations.quote,
        observations.statistics_file,
        observations.statistics_row_number,
        observations.statement_count,

        -- inputs of a derived rate
        observations.numerator_value,
        observations.numerator_indicator,
        observations.population,
        observations.population_year,
        observations.population_measure,
        observations.population_source_url
    from observations
    left join regions on regions.region_code = observations.region_code
    left join indicators on indicators.indicator = observations.indicator
    left join documents on documents.document_id = observations.document_id
)

select * from labelled
