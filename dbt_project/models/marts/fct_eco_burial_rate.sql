with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

final as (
    select *
    from observations
    where indicator in ('eco_burial_rate')
)

select * from final
