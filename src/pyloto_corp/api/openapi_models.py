"""Response shapes of the ops API, for its OpenAPI document (and the tests that hold it to it).

The endpoints build their JSON themselves; these models only describe it, so that a
client (or schemathesis) can check every answer against the published contract.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    message: str
    fields: list[str] | None = None


class ErrorResponse(BaseModel):
    """Every 4xx and 5xx: a code for programs, a message in Portuguese for people."""

    model_config = ConfigDict(extra="forbid")

    error: ErrorDetail


class ChainBreak(BaseModel):
    event_id: str | None
    seq: int | None
    reason: str | None


class ChainHead(BaseModel):
    seq: int
    hash: str


class ChainReport(BaseModel):
    """The walk of the audit chain, checked against the head stored with every append."""

    valid: bool
    count: int
    tail_hash: str
    broken_at: ChainBreak | None
    problem: str | None = None
    head: ChainHead | None = None


class ExportResponse(BaseModel):
    """A stored export: where it is, its hashes, and how the audit chain stood."""

    model_config = ConfigDict(extra="forbid")

    user_key: str
    format: str
    generated_at: str
    storage_path: str
    storage_uri: str
    sha256: str
    content_sha256: str
    message_count: int
    audit_event_id: str
    audit_tail_hash: str
    chain_valid: bool
    chain: ChainReport
    signed_url: str | None


class ErasureCountsModel(BaseModel):
    messages: int
    sessions: int
    replies: int
    lead_profiles: int
    media: int


class ErasureResponse(BaseModel):
    """What an erasure deleted (``erased`` false: nothing was left, nothing was written)."""

    model_config = ConfigDict(extra="forbid")

    user_key: str
    erased: bool
    counts: ErasureCountsModel
    opted_out_at: str | None
    audit_event_id: str | None
    audit_tail_hash: str


def error(description: str) -> dict[str, object]:
    return {"description": description, "model": ErrorResponse}
