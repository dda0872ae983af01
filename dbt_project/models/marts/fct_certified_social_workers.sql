with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

final as (
    select *
    from observations
    where indicator in ('certified_social_workers', 'certified_social_workers_per_10k')
)

select * from final
