{#- Rows for which the expression does not hold (narrow the rows with the test's `where` config). -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
