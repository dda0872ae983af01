-- The dashboard of fct_elderly_care_beds: its canonical rows with display labels.
{{ reporting_observations('fct_elderly_care_beds') }}
