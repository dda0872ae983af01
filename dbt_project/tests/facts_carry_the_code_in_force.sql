-- Every fact, figure, statistics row and document is on the region code in force today: a
-- source that wrote a replaced code (溧水县 320124) lands on its successor (溧水区 320117).
with

regions as (
    select * from {{ ref('dim_region') }}
),

coded as (
    select 'fct_indicator_observations' as model, observation_id as row_id, region_code
    from {{ ref('fct_indicator_observations') }}
    union all
    select 'fct_plan_figures', figure_id, region_code from {{ ref('fct_plan_figures') }}
    union all
    select 'fct_annual_statistics', statistic_id, region_code from {{ ref('fct_annual_statistics') }}
    union all
    select 'dim_document', document_id, region_code from {{ ref('dim_document') }}
)

select coded.model, coded.row_id, coded.region_code, regions.current_code
from coded
inner join regions on regions.region_code = coded.region_code
where not regions.is_current
