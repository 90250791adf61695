"""The readable table `claims extract` prints for a person."""
from __future__ import annotations

import shutil
import textwrap


def format_table(document: str, records: list[dict]) -> str:
    width = max(60, min(shutil.get_terminal_size((120, 20)).columns, 160))
    lines = [f"== {document}: {len(records)} claim(s)"]
    for number, record in enumerate(records, 1):
        speaker = record["speaker"] or "(unknown)"
        if record["speaker_role"]:
            speaker += f", {record['speaker_role']}"
        mention = record["speaker_mention"]["text"] if record["speaker_mention"] else "-"
        cue = record["cue"]["text"] if record["cue"] else "-"
        lines.append(f"{number:>3}. {speaker}  [{record['kind']}, cue: {cue}, mention: {mention}, "
                     f"confidence {record['confidence']:.2f}, chars {record['start']}-{record['end']}]")
        lines.extend(textwrap.wrap(record["text"], width=width - 7, initial_indent="       ",
                                   subsequent_indent="       ", max_lines=6, placeholder=" ..."))
    return "\n".join(lines)


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def claims_table(records) -> str:
    """Stored claims (claims.store.queries.ClaimRecord), one block each."""
    width = max(60, min(shutil.get_terminal_size((120, 20)).columns, 160))
    lines = []
    for r in records:
        speaker = r.speaker or "(unknown)"
        if r.speaker_role:
            speaker += f", {r.speaker_role}"
        lines.append(f"#{r.id}  {r.said_on or '????-??-??'}  {speaker}  [{r.kind}, {r.status}]  "
                     f"{_clip(r.outlet, 30)} {_clip(r.title, 50)}")
        lines.extend(textwrap.wrap(r.text, width=width - 7, initial_indent="       ", subsequent_indent="       ",
                                   max_lines=4, placeholder=" ..."))
        if r.topics or r.entities:
            lines.append(f"       topics: {', '.join(r.topics) or '-'}; about: {', '.join(r.entities) or '-'}")
    return "\n".join(lines) if lines else "(no claims)"


def speakers_table(records) -> str:
    lines = [f"{'id':>5}  {'claims':>6}  {'kind':<12}  name, role"]
    for r in records:
        role = f", {r.role}" if r.role else ""
        lines.append(f"{r.id:>5}  {r.claims:>6}  {r.kind or '?':<12}  {r.name}{role}")
    return "\n".join(lines)


def topics_table(records) -> str:
    lines = [f"{'id':>4}  {'claims':>6}  topic: keywords"]
    for r in records:
        lines.append(f"{r.id:>4}  {r.claims:>6}  {r.name}: {_clip(', '.join(r.keywords), 80)}")
    return "\n".join(lines)


def profile_text(profile) -> str:
    s = profile.speaker
    lines = [f"{s.name} (id {s.id}, {s.kind or 'kind unknown'}): {s.claims} claim(s)",
             f"  role: {s.role or '-'}; affiliation: {s.affiliation or '-'}",
             f"  aliases: {', '.join(s.aliases) or '-'}"]
    for role, first, last, count in profile.roles:
        lines.append(f"  as {role}: {count} claim(s), {first or '?'} to {last or '?'}")
    if profile.topics:
        lines.append("  topics: " + ", ".join(f"{name} ({count})" for name, count in profile.topics))
    if profile.activity:
        lines.append("  activity: " + ", ".join(f"{month:%Y-%m} ({count})" for month, count in profile.activity))
    return "\n".join(lines)
