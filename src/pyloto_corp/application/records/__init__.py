"""The conversation's record: forensic export, the audit trail and its verification, ops keys."""
