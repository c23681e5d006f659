"""Summaries, qualification and the ConversationHandoff a human receives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pyloto_corp.domain.engine.content import Content
from pyloto_corp.domain.engine.display import shown
from pyloto_corp.domain.handoff import ConversationHandoff
from pyloto_corp.domain.intents import Intent
from pyloto_corp.domain.labels import FRAUD_SUBJECT, SLOTS, SUPPORT_COURIER, SUPPORT_SUBJECT
from pyloto_corp.domain.qualification import Qualification, QualificationLevel, qualify
from pyloto_corp.domain.records import SessionRecord


def summarize(content: Content, intent: Intent, slots: Mapping[str, Any]) -> str:
    lines = [f"• Assunto: {content.intents[intent].label}"]
    for slot in content.intents[intent].slots:
        if slot.name in slots:
            value = shown(slot.kind, slots[slot.name])
            if slot.kind == "budget" and slots.get("budget_min"):  # "R$ 15.000 a R$ 25.000"
                value = f"{shown(slot.kind, slots['budget_min'])} a {value}"
            if slot.kind == "budget" and slots.get("budget_period"):  # "R$ 200 por mês"
                value = f"{value} por {slots['budget_period']}"
            lines.append(f"• {slot.label}: {value}")
    if slots.get("notes"):  # "anota aí que ainda não tenho CNH"
        lines.append("• Observações: " + " / ".join(str(n) for n in slots["notes"]))
    return "\n".join(lines)


def qualification_of(session: SessionRecord, intent: Intent) -> Qualification:
    return qualify(
        intent,
        session.slots,
        urgent=bool(session.context.get("urgent")),
        role=session.context.get("role"),
        outside_area=bool(session.context.get("region_noted")),
        support=bool(session.context.get("support_handed")),  # not one carried from before
    )


def build_handoffs(
    content: Content, session: SessionRecord, *, requested: bool = False,
    routing: str | None = None, details: Mapping[str, Any] | None = None,
) -> list[ConversationHandoff]:  # fmt: skip
    """One handoff per team: resolved needs that go to different teams are handed apart."""
    teams: dict[str, dict] = {}
    for frozen in session.context.get("resolved", []):
        if frozen.get("handoff"):
            teams.setdefault(content.intents[Intent(frozen["intent"])].routing, frozen)
    if routing is not None or len(teams) <= 1:
        return [build_handoff(content, session, requested=requested, routing=routing,
                              details=details)]  # fmt: skip
    return [build_handoff(content, session, requested=requested, lead=frozen, details=details)
            for frozen in teams.values()]  # fmt: skip


def build_handoff(
    content: Content, session: SessionRecord, *, requested: bool = False,
    lead: Mapping[str, Any] | None = None, routing: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> ConversationHandoff:  # fmt: skip
    """Every seed field filled, from the session's frozen and active intents.

    ``lead``: the resolved need this handoff is about (the first handed one by default);
    ``routing``: a team chosen by the conversation itself (support); ``details``: what the
    team needs besides the slots (the language, the issue as the person wrote it).
    """
    resolved = [r for r in session.context.get("resolved", [])]
    handed = next((r for r in resolved if r.get("handoff")), None)
    filling = session.state in FILLING and session.slots  # a form half-filled is the lead, not
    first = handed or (None if filling else resolved[0] if resolved else None)  # info given
    lead = lead or first
    primary = Intent(lead["intent"]) if lead else _active(session)
    detected = _detected(session, primary)
    resolved_intents = tuple(Intent(r["intent"]) for r in resolved)
    open_intents = tuple(i for i in detected if i not in resolved_intents)
    requirements = dict(lead["slots"]) if lead else dict(session.slots)
    if lead:
        level, reasons = QualificationLevel(lead["level"]), tuple(lead["reasons"])
    else:
        q = qualification_of(session, primary)
        level, reasons = q.level, q.reasons
    for key in ("followup_when", "followup_window"):
        if session.context.get(key):
            requirements[key] = session.context[key]
    if requested:
        reasons = (*reasons, "human_requested")
    if session.context.get("asked_price"):  # "QUANTO CUSTA": the team starts with the price
        reasons = (*reasons, "asked_price")
    requirements.update(details or {})
    summaries = _summaries(content, primary, session, resolved, requirements)
    return ConversationHandoff(
        intent_primary=primary,
        intents_detected=detected,
        resolved_intents=resolved_intents,
        open_intents=open_intents,
        summary="\n\n".join(summaries),
        requirements=requirements,
        deadline=_deadline(requirements),
        routing=routing or _team_routing(content, primary),
        confidence=session.context.get("confidence"),
        qualification_level=level,
        qualification_reasons=reasons,
    )


def _summaries(content: Content, primary: Intent, session: SessionRecord, resolved: list,
               requirements: dict) -> list[str]:  # fmt: skip
    """What the team reads: a suspected scam or a complaint first, else each need's."""
    if requirements.get("suspected_fraud"):  # someone using Pyloto's name
        return [f"• Assunto: {FRAUD_SUBJECT}\n• Relato: {requirements.get('report', '')}"]
    needs = [r["summary"] for r in resolved]
    if requirements.get("issue"):  # a complaint: what the team reads first is the problem
        return [_support_summary(content, primary, str(requirements["issue"])), *needs]
    return needs or [summarize(content, primary, session.slots)]


def _support_summary(content: Content, intent: Intent, issue: str) -> str:
    about = SUPPORT_COURIER if intent is Intent.PYLOTO_ENTREGA_DRIVER_SIGNUP else (
        content.intents[intent].label)  # fmt: skip
    return (f"• Assunto: {SUPPORT_SUBJECT} — {about}\n"
            f"• {SLOTS['issue'].capitalize()}: {issue}")  # fmt: skip


def _team_routing(content: Content, intent: Intent) -> str:
    """A person is always reachable: an intent no team owns goes to triage."""
    routing = content.intents[intent].routing
    return routing if routing != "none" else content.intents[Intent.ENTRY_UNKNOWN].routing


FILLING = ("collecting", "confirming", "correcting")


def _active(session: SessionRecord) -> Intent:
    return Intent(session.active_intent or Intent.ENTRY_UNKNOWN)


def _detected(session: SessionRecord, primary: Intent) -> tuple[Intent, ...]:
    seen = [Intent(i) for i in session.context.get("detected", [])]
    return tuple(dict.fromkeys([primary, *seen]))


def _deadline(requirements: Mapping[str, Any]) -> str | None:
    value = requirements.get("deadline")
    return None if value in (None, "unknown") else str(value)
