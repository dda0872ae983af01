with

observations as (
    select * from {{ ref('int_observations__labelled') }}
),

final as (
    select *
    from observations
    where indicator in ('elderly_care_beds', 'elderly_care_beds_per_1k_elderly', 'nursing_bed_share')
)

select * from final
