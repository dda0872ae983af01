{#- A number as people write it: 17000 rather than 17000.0, 6.8 as 6.8. -#}
{% macro readable_number(expression) -%}
    case
        when {{ expression }} = round({{ expression }}) then cast(cast({{ expression }} as bigint) as varchar)
        else cast({{ expression }} as varchar)
    end
{%- endmacro %}
