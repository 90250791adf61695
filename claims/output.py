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
