"""Print the events, relations and claims of one article as Markdown tables (the README's
"Events and claims" section is this script's output on the sample article).

Usage: python examples/events_table.py [examples/russie-bielorussie-fr.txt | extraction.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from textkg.api import extract_paths
from textkg.records import ExtractionRecord

SAMPLE = Path(__file__).resolve().parent / "russie-bielorussie-fr.txt"
CONTENT_WIDTH = 90


def markdown_tables(record: ExtractionRecord) -> str:
    """Two Markdown tables: relations and events with their roles, then claims."""
    labels = {entity.id: entity.label for entity in record.entities}
    text = record.document.text
    lines = [
        "| id | predicate | class | arguments | polarity | modality | claim |",
        "|---|---|---|---|---|---|---|",
    ]
    for relation in record.relations:
        arguments = "; ".join(
            f"{role}: {', '.join(labels[i] for i in ids)}" for role, ids in relation.arguments.items()
        )
        lines.append(
            f"| {relation.id} | {relation.predicate} | {relation.event_class or '(open)'} | {_cell(arguments)} "
            f"| {relation.polarity} | {relation.modality} | {relation.claim or ''} |"
        )
    lines += ["", "| id | speaker | source | cue | quote | polarity | content |", "|---|---|---|---|---|---|---|"]
    for claim in record.claims:
        content = " … ".join(text[start:end] for start, end in claim.content)
        if len(content) > CONTENT_WIDTH:
            content = content[: CONTENT_WIDTH - 1].rstrip() + "…"
        lines.append(
            f"| {claim.id} | {labels.get(claim.speaker, '')} | {labels.get(claim.source, '')} | {claim.cue} "
            f"| {'yes' if claim.quote else 'no'} | {claim.polarity} | {_cell(content)} |"
        )
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else SAMPLE
    for record in extract_paths([path]):
        print(markdown_tables(record))


if __name__ == "__main__":
    main(sys.argv)
