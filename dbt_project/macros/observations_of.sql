{#- The observation mart of some indicators: fct_indicator_observations' rows and columns, filtered. -#}
{% macro observations_of(indicators) -%}
with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

final as (
    select *
    from observations
    where indicator in ({% for indicator in indicators %}'{{ indicator }}'{{ ", " if not loop.last }}{% endfor %})
)

select * from final
{%- endmacro %}
