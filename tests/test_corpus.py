"""Corpus mode: learning a site's repeated lines (library API and ``--learn-boilerplate``)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from hashlib import blake2b
from pathlib import Path

import pytest
from tests.helpers import run_filter
from tests.test_boilerplate import labelled, precision_recall

from cleantext import Pipeline, cli, filters
from cleantext.corpus import BoilerplateLearner, LearnedBoilerplate, learn_boilerplate
from cleantext.filters.boilerplate import SiteBoilerplate, line_hash, normalize_line

PROMO = "Headline: Bitcoin Searches Exceed Everything! Stocks Are Next!"
# Distinct words, not only distinct numbers: corpus mode masks numbers at the edges of a page.
WORDS = [
    f"{a}{b}"
    for a in ("bar", "cor", "dun", "fel", "gim")
    for b in ("ato", "ek", "ilo", "unt", "ys", "om", "ard", "ix")
]


def spelled(n: int) -> str:
    """A number spelled in letters (corpus mode masks digits at the edges of a page)."""
    letters = ""
    while True:
        n, digit = divmod(n, 26)
        letters += chr(97 + digit)
        if not n:
            return letters


STORIES = [
    f"Story {WORDS[n]} is about the city council and its {WORDS[39 - n]} budget." for n in range(40)
]


def site_documents(count: int, promo: str = PROMO) -> list[str]:
    return [
        f"{STORIES[n]}\n\n{promo}\n\nMore text of story {WORDS[n]} follows here."
        for n in range(count)
    ]


# -- learning -------------------------------------------------------------------------------------


def test_learns_a_line_repeated_across_a_sites_documents() -> None:
    learned = learn_boilerplate((doc, "example.org") for doc in site_documents(10))
    assert len(learned) == 1
    assert learned.documents == {"example.org": 10}
    result = learned.pipeline_for("example.org", Pipeline([])).run(site_documents(11)[10])
    assert PROMO not in result.text
    assert [e.rule for e in result.edits] == ["site-boilerplate.repeated-line"]
    assert "example.org" in result.edits[0].reason


def test_thresholds_count_and_share() -> None:
    docs = site_documents(4)  # four documents: under min_count=5
    assert len(learn_boilerplate((d, "a.org") for d in docs)) == 0
    # Five of 200 documents: enough by count, not by share (5 / 200 < 5%).
    many = site_documents(5) + [f"Plain story {spelled(n)}, nothing repeated." for n in range(195)]
    assert len(learn_boilerplate((d, "a.org") for d in many)) == 0
    assert len(learn_boilerplate(((d, "a.org") for d in many), min_share=0.02)) == 1


def test_exact_duplicate_documents_count_once() -> None:
    docs = [site_documents(1)[0]] * 20
    assert len(learn_boilerplate((d, "a.org") for d in docs)) == 0


def test_sources_are_kept_apart() -> None:
    learned = learn_boilerplate((doc, "a.org") for doc in site_documents(10))
    other = learned.pipeline_for("b.org", Pipeline([]))
    text = site_documents(1)[0]
    assert other.run(text).text == text
    assert learned.filter_for("b.org").hashes == frozenset()


def test_short_lines_and_bylines_are_never_dropped() -> None:
    docs = [f"{STORIES[n]}\n\nConclusion\n\nBy Jane Doe\n\n{PROMO}" for n in range(20)]
    learned = learn_boilerplate((d, "a.org") for d in docs)
    out = learned.pipeline_for("a.org", Pipeline([])).clean(docs[0])
    assert out == f"{STORIES[0]}\n\nConclusion\n\nBy Jane Doe"


def test_a_likely_duplicate_document_is_left_whole() -> None:
    # Most of its lines are "boilerplate": it is a copy of a popular article, not furniture.
    lines = [f"Repeated line {spelled(n)} of the popular article" for n in range(6)]
    docs = ["\n".join([STORIES[n], *lines]) for n in range(10)]
    learned = learn_boilerplate((d, "a.org") for d in docs)
    assert len(learned) == 6
    text = "\n".join(["A new short story.", *lines])
    assert learned.pipeline_for("a.org", Pipeline([])).clean(text) == text


def test_normalized_lines_match_across_case_and_spaces_not_digits() -> None:
    docs = [f"{STORIES[n]}\nSupport our work today" for n in range(10)]
    # In the body, lines that differ in their numbers are templated content.
    docs += [f"{STORIES[n]}\nA\nB\nShare price: {n}p today\nC\nD\nE" for n in range(10, 20)]
    learned = learn_boilerplate((d, "a.org") for d in docs)
    assert len(learned) == 1
    flt = learned.filter_for("a.org")
    assert run_filter(flt, "Body.\n  SUPPORT our  work TODAY  ").text == "Body."
    assert run_filter(flt, "Body.\nShare price: 12p today").edits == ()


def test_line_hash_is_blake2b_of_source_and_line() -> None:
    # Stable across processes and machines (no Python hash randomization).
    expected = int.from_bytes(blake2b(b"a.org\x1fread more", digest_size=8).digest(), "big")
    assert line_hash("a.org", normalize_line("  Read  MORE ")) == expected
    assert 0 <= expected < 2**64


def test_memory_is_bounded_by_pruning_rare_lines() -> None:
    learner = BoilerplateLearner(max_entries=200)
    for n in range(600):
        unique = "\n".join(
            f"Unique line {spelled(n)} number {spelled(k)} of this story" for k in range(5)
        )
        learner.add(f"{unique}\n{PROMO}", "a.org")
        assert len(learner) <= 200
    assert learner.prunings > 0
    learned = learner.learned()
    assert len(learned) == 1  # the promoted line survived every pruning
    assert learned.filter_for("a.org").hashes == {line_hash("a.org", normalize_line(PROMO))}


def test_invalid_options_are_refused() -> None:
    with pytest.raises(ValueError, match="min_count"):
        BoilerplateLearner(min_count=0)
    with pytest.raises(ValueError, match="min_share"):
        BoilerplateLearner(min_share=1.5)


# -- the filter and the pipeline ------------------------------------------------------------------


def test_site_boilerplate_is_registered_and_inert_by_default() -> None:
    assert "site-boilerplate" in filters.names()
    assert "site-boilerplate" not in Pipeline.default().names()
    flt = filters.get("site-boilerplate", source="a.org", hashes=frozenset({1, 2}))
    assert isinstance(flt, SiteBoilerplate)
    from_config = Pipeline.from_config(
        {"filters": [{"name": "site-boilerplate", "source": "a.org", "hashes": [1, 2, 1]}]}
    )
    assert from_config.filters[0].hashes == frozenset({1, 2})  # type: ignore[union-attr]
    hash(from_config)
    assert run_filter(SiteBoilerplate(), site_documents(1)[0]).edits == ()


def test_learned_pipeline_reads_the_source_beside_the_text_and_pickles() -> None:
    learned = learn_boilerplate((doc, "a.org") for doc in site_documents(10))
    pipeline = pickle.loads(pickle.dumps(learned.pipeline(Pipeline([]))))
    assert type(pipeline) is Pipeline and pipeline.names() == ["site-boilerplate"]
    text = site_documents(11)[10]
    result = pipeline.run(text, source="a.org")
    assert PROMO not in result.text and result.original == text
    assert pipeline.run(text).text == text  # no source: the filter's default source ("")
    assert pipeline.run(text, source="b.org").text == text  # learned for another site


def test_without_only_configure_keep_what_corpus_mode_learned() -> None:
    learned = learn_boilerplate((doc, "a.org") for doc in site_documents(10))
    pipeline = learned.pipeline()
    assert pipeline != Pipeline.default()  # it holds the learned lines
    text = site_documents(11)[10]
    for derived in (
        pipeline.without("encoding"),
        pipeline.only("whitespace", "site-boilerplate"),
        pipeline.configure("boilerplate", title_window=3),
    ):
        assert PROMO not in derived.run(text, source="a.org").text
    assert pipeline.names().index("site-boilerplate") == pipeline.names().index("boilerplate") + 1


def test_a_default_source_serves_documents_without_one() -> None:
    learned = learn_boilerplate((doc, "a.org") for doc in site_documents(10))
    pipeline = Pipeline([learned.filter(default_source="a.org")])
    assert PROMO not in pipeline.clean(site_documents(11)[10])


def test_learned_tables_pickle() -> None:
    learned = learn_boilerplate((doc, "a.org") for doc in site_documents(10))
    again = pickle.loads(pickle.dumps(learned))
    assert isinstance(again, LearnedBoilerplate) and again.hashes == learned.hashes


# -- measured on hand-labelled FakeNewsCorpus documents -------------------------------------------

#: Measured with `benchmarks/eval_residue.py`, learning from the labelled documents, which are the
#: 239 distinct texts of the 250-row sample (exact duplicates count once, so it is the same as
#: learning from the sample): precision 1.000 (422/422), recall 0.720 (422/586).
MIN_PRECISION = 0.97
MIN_RECALL = 0.68


def test_corpus_mode_precision_and_recall_on_labelled_fakenews() -> None:
    docs = labelled()
    learned = learn_boilerplate((str(d["text"]), str(d["domain"])) for d in docs)
    default = Pipeline.default()
    pipelines = {str(d["domain"]): learned.pipeline_for(str(d["domain"]), default) for d in docs}
    precision, recall, wrong = precision_recall(lambda doc: pipelines[doc["domain"]])
    assert precision >= MIN_PRECISION, wrong
    assert recall >= MIN_RECALL


# -- the command ----------------------------------------------------------------------------------


def run_cli(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    records = [
        {"id": n, "domain": "a.org", "text": doc} for n, doc in enumerate(site_documents(12))
    ]
    records += [
        {"id": 100 + n, "domain": "b.org", "text": f"{STORIES[n]}\n\n{PROMO}"} for n in range(3)
    ]
    records.append({"id": 200, "text": f"No source.\n\n{PROMO}"})
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_learns_and_drops_per_source(corpus_file: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    proc = run_cli(
        "--jsonl", "--learn-boilerplate", "--only", "whitespace", "--rejects", rejects, corpus_file
    )
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == [*range(12), 100, 101, 102, 200]
    for record in out[:12]:
        assert PROMO not in record["text"] and "story" in record["text"]
    for record in out[12:]:  # b.org has three documents (under min_count) and 200 no source
        assert PROMO in record["text"]
    dropped = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert len(dropped) == 12
    assert {d["rule"] for d in dropped} == {"site-boilerplate.repeated-line"}
    assert all(d["original"].strip() == PROMO for d in dropped)


def test_cli_corpus_mode_with_workers_gives_the_same_output(corpus_file: Path) -> None:
    args = ("--jsonl", "--learn-boilerplate", "--only", "whitespace", corpus_file)
    one, two = run_cli(*args), run_cli("-j", "2", *args)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout


def test_cli_thresholds_and_source_field(corpus_file: Path) -> None:
    proc = run_cli(
        "--jsonl", "--learn-boilerplate", "--boilerplate-min-count", "20", "--only", "whitespace",
        corpus_file,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.decode().count(PROMO) == 16
    proc = run_cli(
        "--jsonl", "--learn-boilerplate", "--source-field", "id", "--only", "whitespace",
        corpus_file,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stdout.decode().count(PROMO) == 16  # one record per id


def test_cli_refuses_standard_input(corpus_file: Path) -> None:
    proc = run_cli("--jsonl", "--learn-boilerplate", "-", stdin=corpus_file.read_bytes())
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "reads its input twice, so it needs files, not standard input" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--learn-boilerplate", "FILE"), "--learn-boilerplate needs --jsonl"),
        (("--jsonl", "--source-field", "domain", "FILE"), "needs --learn-boilerplate"),
        (("--jsonl", "--learn-boilerplate", "--boilerplate-min-share", "2", "FILE"), "0 to 1"),
    ],
)
def test_cli_usage_errors(
    corpus_file: Path, args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In-process (the subprocess path is tested above): usage errors exit before any work.
    with pytest.raises(SystemExit) as exit_info:
        cli.main([str(corpus_file) if arg == "FILE" else arg for arg in args])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_refuses_a_pipe(corpus_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = run_cli("--jsonl", "--learn-boilerplate", fifo)
    assert proc.returncode == 2
    assert "needs files" in proc.stderr.decode()


def test_edge_lines_are_learned_with_numbers_and_dates_masked() -> None:
    months = ["May", "June", "July", "August", "October", "December"]
    docs = [
        f"{STORIES[n]}\n\nMore text of story {WORDS[n]} follows here.\n\n"
        f"Posted on {months[n % 6]} {n + 1}, 2017 by admin"
        for n in range(12)
    ]
    flt = learn_boilerplate((d, "a.org") for d in docs).filter_for("a.org")
    assert run_filter(flt, "Body.\n\nMore.\n\nPosted on March 30, 2019 by admin").text == (
        "Body.\n\nMore."
    )
    # Away from the edges the masked line is not matched.
    body = "\n\n".join(f"Line {word} of the body." for word in WORDS[:8])
    middle = f"{body}\n\nPosted on March 30, 2019 by admin\n\n{body}"
    assert run_filter(flt, middle).edits == ()
