"""WeChat Work's message size limits, in UTF-8 bytes (bot.channels.text cuts to them)."""

TEXT_LIMIT = 2048  # message/send text.content, kf/send_msg text.content
MARKDOWN_LIMIT = 4096  # message/send markdown.content
