{#- No row of the model is null in any of `columns`. One test (one dbt node, one scan) stands
    for a not_null test per column: dbt's cost is per node, and 180-odd of them were a
    quarter of a build. A failing row names the column and how many of its rows are null. -#}
{% test not_null_columns(model, columns) %}
with

null_counts as (
    select
    {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as "{{ column }}"{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
)

select null_column, null_rows
from (unpivot null_counts on columns(*) into name null_column value null_rows)
where null_rows > 0
{% endtest %}
