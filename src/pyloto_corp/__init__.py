"""pyloto_corp: Pyloto's first contact on WhatsApp."""

__version__ = "0.1.0"
