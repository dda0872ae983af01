with

observations as (
    select * from {{ ref('int_observations__labelled') }}
)

select * from observations
