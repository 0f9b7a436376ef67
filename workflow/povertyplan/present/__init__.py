"""Presenting: the plan and flow tables (.xlsx), figures, the notebooks' helpers and runner, the index page and the run summary."""
