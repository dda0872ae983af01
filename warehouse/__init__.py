"""minzheng: warehouse stage."""
