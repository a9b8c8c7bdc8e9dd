"""The scorer: matching rules of FIELDS.md and the micro / per-document figures."""
import pytest

from policyparse.evaluate import (_micro_f1, bootstrap_interval, match_days, match_field, match_processors,
                                  norm_name, report_markdown, score)


def record(**fields):
    base = {"sections": [], "org_numbers": [], "emails": [], "purposes": [], "legal_bases": [],
            "legal_basis_citations": [], "purpose_bases": [], "processors": [], "cookies": [], "retention": [],
            "rights": [], "last_updated": None, "transfers_outside_eea": None}
    base.update(fields)
    return base


GOLD = {"policy_id": "d1", "headings": ["Personvernerklæring", "1 Behandling av  personopplysninger"],
        "purposes": ["marketing", "billing"], "legal_bases": ["a", "f"], "legal_basis_citations": ["a"],
        "purpose_bases": ["marketing:a"], "processors": [["Bing Ads", "Microsoft Bing Ads"], ["Salesforce"]],
        "cookies": ["_ga", "rc::a"], "retention_days": [1825, 30], "org_numbers": ["974379511"],
        "emails": ["support@dib.no"], "last_updated": "2021-09-27", "rights": ["access"],
        "transfers_outside_eea": True}
PERFECT = record(
    sections=[{"heading": "Personvernerklæring"}, {"heading": "1 Behandling av personopplysninger"}],
    purposes=["billing", "marketing"], legal_bases=["f", "a"], legal_basis_citations=["a"],
    purpose_bases=[{"purpose": "marketing", "basis": "a"}],
    processors=[{"name": "Microsoft Bing Ads"}, {"name": "Salesforce Inc."}],
    cookies=[{"name": "_GA"}, {"name": "rc::a"}], retention=[{"days": 1825.0}, {"days": 30}],
    org_numbers=["974379511"], emails=["Support@dib.no"], last_updated="2021-09-27", rights=["access"],
    transfers_outside_eea=True)


def test_perfect_prediction_scores_one_everywhere():
    result = score({"d1": GOLD}, {"d1": PERFECT})
    for name, values in result["fields"].items():
        assert values.get("f1", values.get("accuracy")) == 1.0, name
    assert result["per_document"]["d1"]["fields"] == {}


def test_empty_prediction_scores_zero_recall():
    result = score({"d1": GOLD}, {"d1": record()})
    assert result["fields"]["processors"] == {**result["fields"]["processors"], "recall": 0.0, "f1": 0.0, "fn": 2}
    assert result["fields"]["last_updated"]["accuracy"] == 0.0
    assert result["per_document"]["d1"]["fields"]["cookies"]["missed"] == ["_ga", "rc::a"]


def test_missing_document_counts_as_empty_and_is_flagged():
    result = score({"d1": GOLD, "d2": {**GOLD, "policy_id": "d2"}}, {"d1": PERFECT})
    assert result["per_document"]["d2"]["missing_prediction"] is True
    assert result["fields"]["emails"]["recall"] == 0.5


@pytest.mark.parametrize("gold, pred, tp, fp, fn", [
    ([["Bing Ads", "Microsoft Bing Ads"]], ["Microsoft Bing Ads"], 1, 0, 0),
    ([["Bing Ads", "Microsoft Bing Ads"]], ["bing ads", "Bing Ads"], 1, 0, 0),        # duplicate mentions
    ([["Hotjar"]], ["Hotjar Ltd."], 1, 0, 0),                                         # legal suffix
    ([["Google Docs"], ["Microsoft Office 365", "Office 365"]], ["Google Docs og Microsoft Office 365"], 0, 1, 2),
    ([["Stripe"]], ["Stripe", "Klarna"], 1, 1, 0),
    ([], [], 0, 0, 0),
])
def test_processor_aliases(gold, pred, tp, fp, fn):
    m = match_processors(gold, pred)
    assert (m.tp, m.fp, m.fn) == (tp, fp, fn)


@pytest.mark.parametrize("gold, pred, tp, fp, fn", [
    ([1825], [1825], 1, 0, 0),
    ([365], [360], 1, 0, 0),          # 12 months vs 1 year: within 2 %
    ([365], [350], 0, 1, 1),          # outside 2 %
    ([30, 30], [30], 1, 0, 1),
    ([730], [730, 730.0], 1, 0, 0),   # the same period twice counts once
    ([], [30], 0, 1, 0),
    ([360, 365], [365, 360], 2, 0, 0),  # two gold periods within 2 % of each other are both found
    ([720, 730], [730], 1, 0, 1),
    ([365], [365, 364], 1, 0, 0),     # a near repeat of a matched period is no extra
    ([], [100, 101], 0, 1, 0),        # nor is a near repeat of an extra
    ([30], [30, 7], 1, 1, 0),
])
def test_retention_tolerance(gold, pred, tp, fp, fn):
    m = match_days(gold, pred)
    assert (m.tp, m.fp, m.fn) == (tp, fp, fn)


@pytest.mark.parametrize("field, gold, pred, tp", [
    ("headings", ["1  Behandling av\tdata"], ["1 Behandling av data"], 1),
    ("emails", ["post@dib.no"], ["POST@dib.no"], 1),
    ("cookies", ["CookieConsent"], ["cookieconsent"], 1),
    ("purposes", ["marketing"], ["marketing", "marketing"], 1),
    ("purpose_bases", ["marketing:a"], ["marketing:f"], 0),
])
def test_field_matching(field, gold, pred, tp):
    assert match_field(field, gold, pred).tp == tp


@pytest.mark.parametrize("raw, expected", [
    ("Hotjar Ltd.", "hotjar"), ("Vercel Inc.", "vercel"), ("Sanity AS", "sanity"), ("Luma, Inc", "luma"),
    ("Google LLC", "google"), ("Mailjet GmbH", "mailjet"), ("PowerOffice", "poweroffice"),
])
def test_name_normalization(raw, expected):
    assert norm_name(raw) == expected


def test_a_second_annotation_is_scored_as_it_is():
    second = {"d1": {"policy_id": "d1", "purposes": ["marketing"], "purpose_bases": ["marketing:a", "billing:f"]}}
    result = score({"d1": GOLD}, second, ["purposes", "purpose_bases"], items_of=dict)
    assert result["fields"]["purposes"] == {**result["fields"]["purposes"], "tp": 1, "fp": 0, "fn": 1}
    assert result["fields"]["purpose_bases"] == {**result["fields"]["purpose_bases"], "tp": 1, "fp": 1, "fn": 0}


# (tp, fp, fn) per document: micro F1 of all ten is 2*20 / (2*20 + 6 + 4) = 0.8
TEN_DOCUMENTS = [(2, 0, 0), (3, 1, 0), (1, 2, 1), (2, 0, 1), (4, 0, 0), (0, 2, 1), (3, 1, 0), (2, 0, 1), (1, 0, 0),
                 (2, 0, 0)]


def test_bootstrap_interval_brackets_the_figure_and_repeats_for_a_seed():
    lo, hi = bootstrap_interval(TEN_DOCUMENTS, _micro_f1)
    assert lo < 0.8 < hi
    assert bootstrap_interval(TEN_DOCUMENTS, _micro_f1) == [lo, hi]
    assert bootstrap_interval(TEN_DOCUMENTS, _micro_f1, seed=1) != [lo, hi]


def test_bootstrap_interval_narrows_with_more_documents_and_is_a_point_without_errors():
    lo, hi = bootstrap_interval(TEN_DOCUMENTS, _micro_f1)
    lo10, hi10 = bootstrap_interval(TEN_DOCUMENTS * 10, _micro_f1)
    assert hi10 - lo10 < (hi - lo) / 2
    assert bootstrap_interval([(3, 0, 0), (1, 0, 0)], _micro_f1) == [1.0, 1.0]
    assert bootstrap_interval([], _micro_f1) == [0.0, 0.0]


def test_scores_and_report_carry_the_intervals():
    result = score({"d1": GOLD, "d2": GOLD}, {"d1": PERFECT, "d2": record()})
    lo, hi = result["fields"]["cookies"]["f1_ci95"]
    assert 0.0 <= lo <= result["fields"]["cookies"]["f1"] <= hi <= 1.0
    assert result["fields"]["last_updated"]["accuracy_ci95"] == [0.0, 1.0]
    report = report_markdown({"test": result})
    assert "| cookies | " + f"{lo:.2f}–{hi:.2f} |" in report
