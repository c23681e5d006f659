"""A person's data rights: erasure, data subjects and retention."""
