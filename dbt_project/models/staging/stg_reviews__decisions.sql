with

source as (
    select * from {{ source('raw', 'review_decisions') }}
),

renamed as (
    select
        -- the item and the decision
        item as review_item_id,
        item_kind,
        -- as the marts say it: accepted, rejected or chosen
        case decision when 'accept' then 'accepted' when 'reject' then 'rejected' when 'choose' then 'chosen' end
            as decision,
        reviewed_by,
        cast(reviewed_at as timestamptz) as reviewed_at,
        reason as review_reason,
        decision_file,

        -- the fact, or the figure an accepted item enters
        region_code,
        indicator,
        cast(year as integer) as year,
        kind,
        cast(value as double) as value,
        cast(value_resolution as double) as value_resolution,

        -- which statements (a conflict), or where the accepted figure comes from
        source,
        source_kind,
        document_id,
        source_url,
        quote
    from source
)

select * from renamed
