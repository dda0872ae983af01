{#- Two statements of one fact agree when they differ by no more than half the coarser rounding
    unit (value_resolution, warehouse/rounding.py): 15.9万 (159000, to the nearest 1000) and
    159012 agree, 8000 and 8358 do not. A range's upper ends are compared the same way. The
    last term only absorbs floating-point noise. -#}
{% macro values_agree(a, b) -%}
    (
        abs({{ a }}.value - {{ b }}.value)
            <= greatest({{ a }}.value_resolution, {{ b }}.value_resolution, 0) / 2
                + 1e-9 * greatest(abs({{ a }}.value), abs({{ b }}.value), 1)
        and abs(coalesce({{ a }}.value_high, {{ a }}.value) - coalesce({{ b }}.value_high, {{ b }}.value))
            <= greatest({{ a }}.value_resolution, {{ b }}.value_resolution, 0) / 2
                + 1e-9 * greatest(abs(coalesce({{ a }}.value_high, {{ a }}.value)),
                                  abs(coalesce({{ b }}.value_high, {{ b }}.value)), 1)
    )
{%- endmacro %}
