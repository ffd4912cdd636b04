"""Leads in and out of spreadsheets, for `salesbot leads import` and `export` (bot/leads_cli.py)."""
