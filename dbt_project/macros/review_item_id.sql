{#- A review item's id (warehouse/reviews.py): its kind and the first 10 hex digits of the MD5
    of its natural key, so that the same item has the same id on every run and a decision
    recorded today applies tomorrow. `kind` is skipped, quarantined or conflict; `parts` are
    SQL expressions, a null one written as the empty string so that no part shifts. -#}
{% macro review_item_id(kind, parts) -%}
    '{{ kind }}-' || left(md5(concat_ws('|', '{{ kind }}'{% for part in parts %}, coalesce(cast({{ part }} as varchar), ''){% endfor %})), 10)
{%- endmacro %}
