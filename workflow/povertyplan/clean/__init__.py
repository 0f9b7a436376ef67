"""Cleaning and checks: raw tables into typed household rows plus rejects with reasons, the ledger that accounts for every row, and the pre-check command."""
