"""The DingTalk channel: robot messages in (Stream mode or HTTP), robot and card messages out."""
