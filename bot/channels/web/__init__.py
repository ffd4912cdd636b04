"""The web-form channel: a company's own forms and landing pages post inquiries."""
