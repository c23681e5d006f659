"""HTTP only: validate what arrives, call a use case, map its errors to status codes."""
