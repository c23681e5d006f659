"""Storage adapters: SQLite (embedded default) and Firestore (production)."""
