"""Meta's WhatsApp Cloud API webhook format: models and normalization to domain values."""
