"""The console channel: chat with the bot in a browser, with no platform account."""
