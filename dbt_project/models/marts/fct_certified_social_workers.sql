{{ observations_of(['certified_social_workers', 'certified_social_workers_per_10k']) }}
