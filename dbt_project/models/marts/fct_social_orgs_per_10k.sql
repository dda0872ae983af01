with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

final as (
    select *
    from observations
    where indicator in ('social_orgs_per_10k')
)

select * from final
