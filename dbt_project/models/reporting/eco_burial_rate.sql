-- The dashboard of fct_eco_burial_rate: its canonical rows with display labels.
{{ reporting_observations('fct_eco_burial_rate') }}
