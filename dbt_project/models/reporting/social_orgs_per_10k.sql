-- The dashboard of fct_social_orgs_per_10k: its canonical rows with display labels.
{{ reporting_observations('fct_social_orgs_per_10k') }}
