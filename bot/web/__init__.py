"""The browser pages the bot serves beside the channels: the manager dashboard, the console's reads,
and who may open them."""
