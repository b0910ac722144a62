"""Attack tests (issue 9): leakage, privilege, injection, CSRF, hardening, abuse, concurrency, recovery."""
