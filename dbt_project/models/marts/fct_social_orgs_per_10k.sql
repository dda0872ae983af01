{{ observations_of(['social_orgs_per_10k']) }}
