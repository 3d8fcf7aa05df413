"""The eval command's edges: bad corpus names and missing corpus files exit 2 naming the problem."""

import pytest
from typer.testing import CliRunner

from textkg.cli import app

runner = CliRunner()


def test_unknown_corpus_is_a_usage_error():
    result = runner.invoke(app, ["eval", "--corpora", "hipe,bogus"])
    assert result.exit_code == 2
    assert "bogus" in result.output and "hipe, popcorn, democrat" in result.output


@pytest.mark.model
def test_missing_corpus_file_names_the_file(tmp_path, fr_nlp):
    result = runner.invoke(app, ["eval", "--data-dir", str(tmp_path), "--corpora", "popcorn"])
    assert result.exit_code == 2
    assert "popcorn-train.json" in result.output
