{{ observations_of(['elderly_care_beds', 'elderly_care_beds_per_1k_elderly', 'nursing_bed_share']) }}
