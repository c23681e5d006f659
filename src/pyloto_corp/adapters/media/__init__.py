"""MediaStore adapters: a local folder (embedded default) and Cloud Storage (production)."""
