"""Name matching stays near-linear in the number of people an article names (it compared every pair before)."""

from service.people import mentions


def test_canonical_names_compare_only_names_that_can_match(monkeypatch):
    calls = []
    real = mentions.same_person

    def counting(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(mentions, "same_person", counting)
    people = []
    for i in range(400):
        surname = "".join(chr(ord("a") + int(d)) for d in f"{i:03d}")
        people += [(len(people) * 10, f"Anna {surname.title()}son"), (len(people) * 10 + 5, f"{surname.title()}son")]
    people += [(90_000 + k, f"Jim Miller") for k in range(300)]  # one person named 300 times
    canonical = mentions._canonical_names(people)
    assert canonical[5] == "Anna Aaason" and canonical[90_000] == "Jim Miller"
    assert len(calls) < 20 * len(people)  # all pairs would be 1,100 x 1,100
