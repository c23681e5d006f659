"""Try the bot without Meta: scripted (``simulate``) or interactive (``chat``) conversations
through the real, signed webhook endpoint."""
