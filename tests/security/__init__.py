"""Attack tests: leakage, privilege, injection, CSRF, hardening, abuse, concurrency, recovery."""
