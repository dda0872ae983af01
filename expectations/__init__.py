"""minzheng's quality gate: Great Expectations suites per layer (raw.py, marts.py) and the gate's decision (gate.py)."""
