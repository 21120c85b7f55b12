"""The seeds through the real service: real model, real SQLite file, real gRPC socket, the CLI as a user runs it.

What is asserted is what a reader of the two articles can check for themselves.
"""

from __future__ import annotations

import json

import pytest

from client.cli import main
from tests.harness import SEEDS

MOSCOW_TIMES = str(SEEDS / "000_09de25b5ce3095c1.txt")
REUTERS = str(SEEDS / "001_86ac386abbbaa423.txt")

pytestmark = pytest.mark.model


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def compared(real_server):
    """`crosscheck compare 000 001 --json`, parsed."""
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["compare", "--address", real_server.address, "--json", MOSCOW_TIMES, REUTERS])
    assert code == 0
    return json.loads(buffer.getvalue())


def _with(findings, kind, *needles):
    return [
        f for f in findings
        if f["kind"] == f"FINDING_KIND_{kind}"
        and all(any(n in e["sentence"] or n in e["value"] for e in f["evidence"]) for n in needles)
    ]


def _between(findings, kind, needle):
    """Findings whose every piece of evidence holds `needle`: the two reports of one fact, not a link of one of
    them to a neighbouring fact of the other article."""
    return [f for f in _with(findings, kind, needle) if all(needle in e["sentence"] for e in f["evidence"])]


def test_compare_json_has_the_documented_fields(compared):
    assert {a["source"] for a in compared["articles"]} == {"The Moscow Times", "Reuters"}
    for finding in compared["findings"]:
        assert {"kind", "severity", "confidence", "explanation", "evidence", "key"} <= set(finding)
        for evidence in finding["evidence"]:
            assert {"article_id", "source", "sentence", "span", "value"} <= set(evidence)


def test_antonov_quote_wording_inserted_the_and_spelling_variant(compared):
    (finding,) = _with(compared["findings"], "QUOTE_WORDING", "very interested in further developments")
    assert finding["severity"] == "SEVERITY_MINOR"
    assert {e["source"] for e in finding["evidence"]} == {"The Moscow Times", "Reuters"}
    diff = finding["diff"]
    inserted_the = [d for d in diff if d.get("b") == "the" and not d.get("a")]
    assert inserted_the and inserted_the[0]["op"] == "DIFF_OP_INSERT"
    assert inserted_the[0]["category"] == "DIFF_CATEGORY_FUNCTION_WORD"
    spelling = [d for d in diff if d.get("category") == "DIFF_CATEGORY_SPELLING"]
    assert any(d.get("a") == "defense" and d.get("b") == "defence" for d in spelling)


def test_stavridis_brackets_are_not_a_wording_difference(compared):
    assert not _with(compared["findings"], "QUOTE_WORDING", "feel that the system is clearly designed")
    assert _with(compared["findings"], "AGREEMENT", "feel that the system is clearly designed")


def test_agreement_on_six_meetings_and_fourteen_interceptors(compared):
    (meetings,) = _between(compared["findings"], "AGREEMENT", "since 2011, when six were held")
    assert "6 meeting ~ 6 meeting" in meetings["explanation"]
    (interceptors,) = _between(compared["findings"], "AGREEMENT", "14 new anti-missile interceptors")
    assert "14 interceptor ~ 14 interceptor" in interceptors["explanation"]


def test_no_date_mismatch_between_last_week_and_march_21(compared):
    assert not _with(compared["findings"], "DATE_MISMATCH")
    (ryabkov,) = _between(compared["findings"], "AGREEMENT", "Deputy Foreign Minister Sergei Ryabkov")
    assert "2013-03-21" in ryabkov["explanation"]


def test_no_claim_from_page_debris(real_server, capsys):
    code, out, _ = run_cli(capsys, "extract", "--address", real_server.address, "--json", REUTERS)
    assert code == 0
    claims = " ".join(c["text"] for c in json.loads(out)["claims"])
    for debris in ("narrow-browser-and-phone", "Reuters logo", "Our Standards", "Reporting by", "0 : 0"):
        assert debris not in claims


def test_extract_shows_resolved_dates(real_server, capsys):
    code, out, _ = run_cli(capsys, "extract", "--address", real_server.address, "--json", MOSCOW_TIMES)
    assert code == 0
    times = {t["text"]: t for c in json.loads(out)["claims"] for t in c.get("times", [])}
    assert (times["last week"]["begin"], times["last week"]["end"]) == ("2013-03-18", "2013-03-24")
    assert times["Monday"]["value"] == "2013-03-25"


def test_fail_on_gates_a_pipeline(real_server, capsys):
    code, _, err = run_cli(capsys, "compare", "--address", real_server.address, "--fail-on", "QUOTE_WORDING",
                           MOSCOW_TIMES, REUTERS)
    assert code == 1 and "QUOTE_WORDING" in err
    code, _, _ = run_cli(capsys, "compare", "--address", real_server.address, "--fail-on", "NUMBER_MISMATCH",
                         MOSCOW_TIMES, REUTERS)
    assert code == 0


def test_ingest_all_seeds_then_check_by_window(real_server, capsys):
    code, out, _ = run_cli(capsys, "ingest", "--address", real_server.address, str(SEEDS))
    assert code == 0 and "5 of 5 articles stored" in out
    code, out, _ = run_cli(capsys, "check", "--address", real_server.address, "--json",
                           "--since", "2007-01-01", "--until", "2014-01-01")
    assert code == 0
    findings = json.loads(out)["findings"]
    # The defence ministers and defense secretaries of 2007, 2011 and 2013 are different people, not a mismatch.
    assert not [f for f in findings if f["kind"] == "FINDING_KIND_ROLE_MISMATCH"]
    assert _with(findings, "QUOTE_WORDING", "very interested in further developments")
    assert _with(findings, "AGREEMENT", "since 2011, when six were held")


def test_stories_of_the_seeds(real_server, capsys):
    run_cli(capsys, "ingest", "--address", real_server.address, str(SEEDS))
    code, out, _ = run_cli(capsys, "stories", "--address", real_server.address, "--json")
    assert code == 0
    story_of, topic_of = {}, {}
    for story in json.loads(out)["stories"]:
        for article in story["articles"]:
            name = article.get("external_id", "")
            if (SEEDS / name).is_file():  # the server is shared with other tests' articles
                story_of[name[:3]] = story["id"]
                topic_of[name[:3]] = story["topic_id"]
    # 000 and 001 report the same day's news; 002 (March 2013), 003 (April 2007) and 004 (November 2011) are
    # other events of the same long-running subject.
    assert story_of["000"] == story_of["001"]
    assert len({story_of[n] for n in ("000", "002", "003", "004")}) == 4
    assert len(story_of) == 5 and len(set(topic_of.values())) == 1


def test_report_formats_carry_the_same_findings(real_server, capsys, tmp_path):
    run_cli(capsys, "ingest", "--address", real_server.address, str(SEEDS))
    keys = {}
    for fmt in ("json", "md", "html"):
        output = tmp_path / f"report.{fmt}"
        code, _, err = run_cli(capsys, "report", "--address", real_server.address, "--since", "2013-03-25",
                               "--until", "2013-03-26", "--format", fmt, "-o", str(output))
        assert code == 0, err
        keys[fmt] = output.read_text()
    report = json.loads(keys["json"])
    finding_keys = [f["key"] for story in report["stories"] for group in ("discrepancies", "agreements")
                    for f in story.get(group, [])]
    assert finding_keys
    assert {"The Moscow Times", "Reuters"} <= {s["source"] for s in report["sources"]}
    for fmt in ("md", "html"):
        assert all(key in keys[fmt] for key in finding_keys), fmt
    code, out, _ = run_cli(capsys, "report", "--address", real_server.address, "--since", "2013-03-25",
                           "--until", "2013-03-26", "--format", "json")
    again = json.loads(out)
    assert (again["id"], again["content_digest"]) == (report["id"], report["content_digest"])
