"""Media a person sends: download jobs, checks and storage, beside the reply."""
