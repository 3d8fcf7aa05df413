"""(1) textkg's extraction throughput against spaCy's plain nlp.pipe, same model, same texts, one run.

    python benchmarks/throughput.py ../shared/data/wikineural-fr-val.conllu --docs 200 --repeat 2

The plain side is ``spacy.load("fr_core_news_md").pipe(texts)``; the textkg side is what
``textkg extract`` runs (``textkg.api.extract_documents``, one process, no cache): our pipeline
component, parsing and every extraction stage. Models are loaded before timing. The two sides
alternate ``--repeat`` times and the best time of each counts, so a noisy neighbour hurts both.
Target: ratio >= 0.8.
"""

from __future__ import annotations

import time

import spacy
from corpus_data import arguments, documents, machine

from textkg.api import extract_documents
from textkg.nlp import load_pipeline, pipeline_name
from textkg.parallel import BATCH_SIZE, Execution
from textkg.records import Document


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    docs = [Document(id=d["id"], text=d["text"]) for d in documents(args.data, args.docs, args.sentences)]
    texts = [d.text for d in docs]
    plain = spacy.load(pipeline_name("fr"))
    load_pipeline("fr")
    plain_times, textkg_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _ in plain.pipe(texts, batch_size=BATCH_SIZE):
            pass
        plain_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _ in extract_documents(docs, execution=Execution(workers=1)):
            pass
        textkg_times.append(time.perf_counter() - start)
    characters = sum(map(len, texts))
    best_plain, best_textkg = min(plain_times), min(textkg_times)
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents of {args.sentences} sentences, {characters:,} characters")
    print(f"spaCy nlp.pipe:  {len(docs) / best_plain:8.1f} docs/s  (best of {plain_times})")
    print(f"textkg extract:  {len(docs) / best_textkg:8.1f} docs/s  (best of {textkg_times})")
    print(f"ratio textkg / plain spaCy: {best_plain / best_textkg:.2f}  (target >= 0.80)")


if __name__ == "__main__":
    main()
