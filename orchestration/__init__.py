"""minzheng: orchestration stage."""
