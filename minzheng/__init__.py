"""minzheng: minzheng stage."""
