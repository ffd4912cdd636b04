"""The `salesbot` command: running the bot, the database, the demo, and the offline tools."""
