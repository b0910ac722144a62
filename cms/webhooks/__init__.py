"""Webhooks: tell front ends that content changed (signed deliveries, sent after commit by a worker)."""
