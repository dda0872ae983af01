{{ observations_of(['eco_burial_rate']) }}
