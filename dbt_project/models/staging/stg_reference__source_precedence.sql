with

source as (
    select * from {{ source('raw', 'source_precedence') }}
),

renamed as (
    select
        source_type,
        document_kind,
        cast(precedence as integer) as precedence,
        reason as precedence_reason
    from source
)

select * from renamed
