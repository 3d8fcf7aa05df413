import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from textkg.cli import app
from textkg.errors import ModelError
from textkg.nlp import load_pipeline

from .conftest import SAMPLE

runner = CliRunner()


@pytest.mark.model
def test_build_on_the_sample_article(sample_build):
    result, out = sample_build
    for name in ("graph.html", "graph.ttl", "graph.nq", "graph.trig", "graph.jsonld", "graph.graphml", "extraction.jsonl"):
        assert (out / name).stat().st_size > 0, name
    labels = {d["label"] for _, d in result.graph.nodes_of_kind("entity")}
    assert {"Russie", "Biélorussie", "Vladimir Poutine", "Alexandre Loukachenko", "OTAN"} <= labels
    with_sentence = [
        d for _, _, d in result.graph.graph.edges(data=True) if d.get("evidence")
    ] + [d for _, d in result.graph.nodes_of_kind("event")]
    sentences = [result.graph.evidence_text(d["evidence"][0]) for d in with_sentence]
    assert len(sentences) >= 3
    assert any(s.startswith("La Russie et la Biélorussie ont signé") for s in sentences)


@pytest.mark.model
def test_extract_writes_one_record_per_document_and_build_reads_them_back(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "text": t}) for i, t in enumerate(["La Serbie a signé un accord avec la Chine.", "Emmanuel Macron a rencontré Olaf Scholz à Berlin."]))
        + "\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "--output", str(records)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["d0", "d1"]
    assert all(line["entities"] for line in lines)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(records), "--output-dir", str(out), "--formats", "turtle"])
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").exists() and not (out / "graph.html").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "nope.txt", "nope.txt: no such file or directory"),
        (lambda d: (d / "empty").mkdir() or d / "empty", "empty: no input files (.jsonl, .md, .txt) in this directory"),
    ],
)
def test_bad_input_is_one_clear_line_with_exit_code_2(tmp_path, setup, message):
    path = setup(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "textkg", "build", str(path), "--output-dir", str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr


def test_unknown_language_is_a_setup_error(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Hallo Welt", encoding="utf-8")
    result = runner.invoke(app, ["build", str(doc), "--lang", "de", "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no pipeline for language 'de'" in result.output


def test_missing_model_names_the_install_command():
    with pytest.raises(ModelError, match="pip install fr-core-news-xx"):
        load_pipeline("fr", name="fr_core_news_xx")


def test_unknown_format_fails_before_any_work(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLE), "--formats", "rdfxml", "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "unknown export format 'rdfxml'" in result.output
    assert not (tmp_path / "o").exists()
