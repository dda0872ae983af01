{#- The model holds exactly the rows of `to` that `selected` selects, one each, keyed by the
    column: no row missing, none extra (a reporting table shows the canonical rows of its mart). -#}
{% test holds_the_rows_of(model, column_name, to, selected='true') %}
with

expected as (
    select {{ column_name }} as key from {{ to }} where {{ selected }}
),

held as (
    select {{ column_name }} as key from {{ model }}
),

missing as (
    select key, 'missing' as problem from (select key from expected except all select key from held)
),

extra as (
    select key, 'not a selected row of the mart, or held twice' as problem
    from (select key from held except all select key from expected)
)

select * from missing
union all
select * from extra
{% endtest %}
