"""Cross-cutting technology: settings and logging, used by the composition root."""
