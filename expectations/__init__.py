"""minzheng: expectations stage."""
