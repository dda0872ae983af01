-- The dashboard of fct_certified_social_workers: its canonical rows with display labels.
{{ reporting_observations('fct_certified_social_workers') }}
