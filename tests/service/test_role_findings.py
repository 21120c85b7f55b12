"""ROLE_MISMATCH between two articles: which titles count as the article's statement of a person's office, and
when two offices given to one person contradict each other. Real sentences through the real extractor (spaCy,
no embedding model)."""

from __future__ import annotations

from service.compare.roles import role_findings
from service.records import PartialDate
from tests.extraction import extraction

DAY = PartialDate(2009, 4, 28)


def _findings(text_a: str, text_b: str):
    return role_findings(extraction(text_a, "wire a", DAY), extraction(text_b, "wire b", DAY))


PRESIDENT = ("In March, President Barack Obama directed the secretaries to review the previous administration's "
             "Section 7 regulation of the Endangered Species Act.")


def test_a_title_inside_a_quotation_is_the_speakers_wording_not_the_articles() -> None:
    quoted = ("At the time, during heavy campaigning, Obama stated that he opposed the last minute rule changes "
              "with a spokesman stating: “As president, Senator Obama will fight to maintain the strong "
              "protections of the Endangered Species Act and undo this proposal from President Bush.”")
    assert _findings(PRESIDENT, quoted) == []
    # The same title given by the article itself is its statement of the office, and is compared.
    stated = ("At the time, during heavy campaigning, Senator Obama said he would fight to maintain the strong "
              "protections of the Endangered Species Act.")
    (finding,) = _findings(PRESIDENT, stated)
    assert "Obama" in finding.explanation


KING = ("Philadelphia 76ers President and General Manager Billy King announced today that Jim O'Brien has been "
        "relieved of his duties as head coach.")


def test_a_coordinated_title_gives_every_office_it_names() -> None:
    assert _findings(KING, '"He bleeds Philadelphia," team president Billy King said.') == []
    assert _findings(KING, "Billy King, the team's general manager, said the search would start at once.") == []
    assert _findings("Billy King, the team's president and general manager, said the search would start at once.",
                     "General manager Billy King said the search would start at once.") == []


def test_an_office_none_of_the_coordinated_ones_still_conflicts() -> None:
    (finding,) = _findings(KING, "Vice President Billy King said the search would start at once.")
    assert "Billy King" in finding.explanation


WHITE = ("Santa Monica Chief Deputy City Attorney Terry White confirmed to The Associated Press that Lohan has "
         "checked into an approved rehab facility.")


def test_a_deputy_city_attorney_is_a_prosecutor() -> None:
    prosecutor = "Prosecutor Terry White told The Post a couple hours after a court hearing that she was on her way."
    assert _findings(WHITE, prosecutor) == []


def test_a_defence_attorney_is_no_prosecutor() -> None:
    (finding,) = _findings("Defense attorney Terry White told The Post she was on her way to New York.",
                           "Prosecutor Terry White told The Post she was on her way to New York.")
    assert "Terry White" in finding.explanation


def test_a_deputy_city_attorney_is_not_the_city_attorney() -> None:
    (finding,) = _findings(WHITE, "City Attorney Terry White said the judge would hear the case on Friday.")
    assert "Terry White" in finding.explanation


def test_offices_both_articles_give_the_person_are_no_difference() -> None:
    lead = "Corey Lewandowski ripped FBI Director James Comey for acting as the judge and the jury."
    later = ("Trump has avoided directly criticizing Comey, a Republican appointed as deputy attorney general by "
             "President George W. Bush.")
    both = f"{lead}\n\n{later}"
    assert _findings(both, both) == []  # one article against its own copy: both give him both
    # one mention changed in a copy: the copy gives him an office the original never does
    changed = both.replace("FBI Director James Comey", "Attorney General James Comey")
    found = _findings(both, changed)
    assert any("Attorney General" in f.explanation for f in found)
