-- The precedence of sources as the README documents it: an official statistics file, then a
-- statistical bulletin, then a plan's or work plan's review, then news. Rows returned are
-- kinds whose precedence in data/reference/source_precedence.csv differs from it.
with

precedence as (
    select * from {{ ref('stg_reference__source_precedence') }}
),

documented (source_type, document_kind, precedence) as (
    values
        ('annual_statistics', null, 1),
        ('document', 'statistical_bulletin', 2),
        ('document', 'five_year_plan', 3),
        ('document', 'annual_work_plan', 3),
        ('document', 'news_report', 4)
)

select documented.*, precedence.precedence as precedence_in_file
from documented
left join precedence
    on precedence.source_type = documented.source_type
    and precedence.document_kind is not distinct from documented.document_kind
where precedence.precedence is distinct from documented.precedence
