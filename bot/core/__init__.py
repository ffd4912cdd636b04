"""The core: the one path of a message (accept, process, deliver through the outbox) and the
scheduled jobs. It knows channels only through bot/channels/base.py."""
