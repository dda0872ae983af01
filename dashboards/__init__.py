"""minzheng: dashboards stage."""
