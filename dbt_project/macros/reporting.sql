{#- Display columns of the reporting layer (models/reporting/): what the dashboards show. -#}

{#- A region's label unique across the country: 普陀区 exists in both 上海市 and 舟山市, so a
    region is labelled by its path without the country (上海市普陀区, 浙江省舟山市普陀区). -#}
{% macro region_label(region_path, region_name) -%}
    coalesce(nullif(replace(replace({{ region_path }}, '全国 > ', ''), ' > ', ''), ''), {{ region_name }})
{%- endmacro %}

{#- `actual`/`target` in Chinese and English. -#}
{% macro kind_label(kind) -%}
    case {{ kind }} when 'actual' then '实际 Actual' when 'target' then '目标 Target' else {{ kind }} end
{%- endmacro %}

{#- A person's review decision on a value, as the dashboards show it: what was decided and by
    whom (`已复核：选定 Reviewed: chosen (张三)`); null when no one reviewed it. -#}
{% macro review_label(decision, reviewed_by) -%}
    case {{ decision }}
        when 'accepted' then '已复核：采纳 Reviewed: accepted'
        when 'chosen' then '已复核：选定 Reviewed: chosen'
        when 'other_rejected' then '已复核：另一表述被否 Reviewed: another statement rejected'
        when 'rejected' then '已复核：一项表述被否 Reviewed: a statement rejected'
    end || ' (' || {{ reviewed_by }} || ')'
{%- endmacro %}

{#- Document text as the dashboards show it: plain text, never HTML. Superset's table chart
    parses every cell that looks like HTML (`<a`, `<img`, `<script`...) and shows what its
    sanitizer leaves of it, and the parse alone makes the browser report an inline event
    handler against the CSP. A WORD JOINER (U+2060, invisible) after every `<` keeps the text
    shown as written. The marts keep the text as it was. -#}
{% macro as_text(expression) -%}
    replace({{ expression }}, '<', '<' || chr(8288))
{%- endmacro %}

{#- A fact mart's canonical rows (one per region, indicator, year and kind) with display
    labels and the source document of each value. -#}
{% macro reporting_observations(mart) -%}
with

facts as (
    select * from {{ ref(mart) }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

final as (
    select
        facts.observation_id,
        facts.fact_id,
        facts.region_code,
        facts.region_name,
        {{ region_label('regions.region_path', 'facts.region_name') }} as region_label,
        facts.region_level,
        facts.indicator,
        facts.indicator_name_zh,
        facts.indicator_name_en,
        facts.year,
        facts.kind,
        {{ kind_label('facts.kind') }} as kind_label,
        facts.value,
        facts.value_high,
        facts.unit,
        facts.comparator,
        facts.binding,
        facts.source_type,
        facts.is_derived,
        facts.derivation,
        facts.document_id,
        facts.document_name,
        facts.document_title,
        facts.source_url,
        facts.publisher,
        facts.statistics_file,
        facts.source_count,
        facts.has_conflict,
        facts.review_decision,
        facts.reviewed_by,
        {{ review_label('facts.review_decision', 'facts.reviewed_by') }} as review_label,
        -- A link would show as its markup, so the URL has a column of its own.
        {{ as_text('coalesce(facts.document_title, facts.document_name, facts.statistics_file, facts.source_type)') }}
            as source_document,
        {{ as_text('facts.quote') }} as quote
    from facts
    left join regions on regions.region_code = facts.region_code
    where facts.is_canonical
)

select * from final
{%- endmacro %}
