{#- Every value is in the unit the indicator catalogue gives its indicator. -#}
{% test unit_matches_catalogue(model, column_name, indicator_column='indicator') %}
select observed.{{ indicator_column }}, observed.{{ column_name }} as unit, catalogue.unit as catalogue_unit
from {{ model }} as observed
left join {{ ref('stg_reference__indicators') }} as catalogue
    on catalogue.indicator = observed.{{ indicator_column }}
where catalogue.unit is null or observed.{{ column_name }} <> catalogue.unit
{% endtest %}
