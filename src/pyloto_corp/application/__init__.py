"""Use cases: orchestrate the domain through ports; no web framework, SDK or driver."""
