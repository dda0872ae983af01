{#- Keys of the fact layer, from the unqualified columns of the relation being selected. -#}

{#- A fact: one region, indicator, year and kind, whatever its sources. -#}
{% macro fact_id() -%}
    md5(concat_ws('|', region_code, indicator, cast(year as varchar), kind))
{%- endmacro %}

{#- An observation: a fact as one source gives it. -#}
{% macro observation_id() -%}
    md5(concat_ws('|', region_code, indicator, cast(year as varchar), kind, source_type, source_id))
{%- endmacro %}
