"""Legal citations: the grammar of `extract/law.py` on Norwegian citation variants, and art. 6(1) letters."""
from __future__ import annotations

import pytest

from policyparse.extract.law import art6_letters, find_references, law_name

# (text, art. 6(1) letters the text cites)
ART6 = [
    ("GDPR art. 6 nr. 1 bokstav f", ["f"]),
    ("(GDPR art. 6 nr. 1 bokstav f).", ["f"]),
    ("art. 6 (1) a", ["a"]),
    ("art. 6(1) b", ["b"]),
    ("artikkel 6 første ledd bokstav a", ["a"]),
    ("artikkel 6 fyrste ledd bokstav c", ["c"]),
    ("personvernforordningen art. 6 nr. 1 b", ["b"]),
    ("personvernforordninga artikkel 6 nr. 1 bokstav e", ["e"]),
    ("art. 6 nr. 1 bokstav b) og f)", ["b", "f"]),
    ("art. 6 nr. 1 a–c", ["a", "b", "c"]),
    ("art. 6 nr. 1 a-c", ["a", "b", "c"]),
    ("artikkel 6 (1) bokstav a til c", ["a", "b", "c"]),
    ("art. 6 nr. 1 bokstav a, b og f", ["a", "b", "f"]),
    ("art. 6 nr. 1 bokstav a eller f", ["a", "f"]),
    ("art. 6 (1) (a), (b) og (f)", ["a", "b", "f"]),
    ("GDPR 6.1.f", ["f"]),
    ("samtykke, GDPR 6a", ["a"]),          # the law, the article and the letter run together
    ("avtale (GDPR 6 b)", ["b"]),
    ("avtale og rettslig forpliktelse (GDPR 6b og 6c)", ["b", "c"]),
    ("Vi følger GDPR 5 og 2016/679.", []),
    ("GDPR 6.1 f)", ["f"]),
    ("jf. GDPR artikkel 6.1 f).", ["f"]),
    ("art. 6.1.a og 6.1.f", ["a", "f"]),
    ("art. 6.1 a", ["a"]),
    ("6(1)(f) GDPR", []),  # a bare number without article keyword or law is no citation
    ("GDPR art. 6(1)(f)", ["f"]),
    ("artikkel 6(1)(e) i GDPR", ["e"]),
    ("Samtykke (art. 6(1)(a))", ["a"]),
    ("Avtale (GDPR art. 6 b)", ["b"]),
    ("Berettiget interesse (GDPR art. 6 f)", ["f"]),
    ("EU 2016/679 artikkel 6 nr. 1 bokstav c", ["c"]),
    ("forordning (EU) 2016/679 art. 6 nr. 1 bokstav d", ["d"]),
    ("Art. 6 (1) lit. f DSGVO", ["f"]),
    ("artikkel 6 nr 1 bokstav a", ["a"]),
    ("art. 6, nr. 1, bokstav f", ["f"]),
    ("art. 6 punkt 1 bokstav b", ["b"]),
    ("artikkel 6 bokstav f", ["f"]),
    ("forordningen artikkel 6 nr. 1 bokstav a", ["a"]),
    ("Grunnlaget er art. 6 nr. 1 bokstav f i personvernforordningen", ["f"]),
    ("personopplysningsloven artikkel 6 nr. 1 bokstav b", ["b"]),  # the GDPR article, via popplyl. § 1
    ("EUs personvernforordning art. 6 nr. 1 bokstav a og artikkel 9 nr. 2 bokstav a", ["a"]),
    ("art. 6 1. ledd bokstav c", ["c"]),
    ("art. 6 nr. 1 bokstav f og e-post til oss", ["f"]),
    ("Article 6(1)(b) GDPR", ["b"]),
    # not art. 6(1): other articles, other paragraphs, no letter, Norwegian statutes
    ("GDPR artikkel 13 (2) bokstav c", []),
    ("GDPR artikkel 13 (2) bokstav d", []),
    ("art 18", []),
    ("iht. GDPR art 18.", []),
    ("art. 9 nr. 2 bokstav a", []),
    ("art. 9 (2) (a)", []),
    ("GDPR art. 15", []),
    ("art. 13–14", []),
    ("art. 7(3)", []),
    ("artikkel 32", []),
    ("art. 8", []),
    ("artikkel 6", []),
    ("art. 6 i GDPR", []),
    ("art. 6 f.eks. for samtykke", []),
    ("art. 6 nr. 4 bokstav a", []),
    ("artikkel 6 og 9", []),
    ("§ 8 bokstav a og b", []),
    ("personopplysningsloven § 8 bokstav a og b", []),
    ("personopplysningsloven § 8 bokstav f", []),
    ("markedsføringsloven § 15", []),
    ("ekomloven § 2-7b", []),
    ("bokføringslovens §13", []),
    ("personopplysningslovens § 18, 1. ledd", []),
    ("jf. helsepersonelloven", []),
    # `jf.` names a related Norwegian statute, not the act the article belongs to (r2b)
    ("art. 6 nr. 1 bokstav e, jf. barnehagelova § 2", ["e"]),
    ("art. 6 nr. 1 bokstav c, jfr. bokføringsloven § 13", ["c"]),
    ("art. 6 nr. 1 bokstav f, jf. personvernforordningen", ["f"]),
    ("barnehagelova § 2, jf. § 6 bokstav e", []),
    # letters on the lines below a lead-in that ends with an art. 6 citation (r2b)
    ("Vi behandler opplysningene med følgende grunnlag etter personvernforordningen artikkel 6 nr. 1:\n"
     "Bokstav b (avtale): administrasjon\nBokstav c (rettslig forpliktelse): regnskap\nfor styret\n- bokstav f: kamera",
     ["b", "c", "f"]),
    ("Grunnlag etter artikkel 6 nr. 1:\nBokstav a: nyhetsbrev\n\nBokstav f gjelder noe annet.", ["a"]),
    ("Vi viser til artikkel 6 nr. 1 om grunnlag.\nBokstav b: avtale", []),
    ("Grunnlag etter artikkel 9 nr. 2:\nBokstav a: samtykke", []),
    ("Etter personvernforordninga artikkel 6 nr. 1 byggjer vi på:\n- bokstav b, avtalen om barnehageplass\n"
     "- bokstav c, rettslege plikter etter barnehagelova", ["b", "c"]),
    ("Vi følger artikkel 6 nr. 1 og mange andre regler i loven når vi behandler opplysninger:\nBokstav b: avtale", []),
    ("i henhold til artikkel 20", []),
    # lines enumerated with a bare letter count when the letter's basis follows (r34)
    ("Vi bygger på personvernforordningen artikkel 6 nr. 1:\na) samtykke (bilder fra dugnaden)\n"
     "c) rettslig plikt (andelseierboka)\nf) berettiget interesse (nøkkelbrikker og adgangslogg)", ["a", "c", "f"]),
    ("Vi behandler opplysninger etter artikkel 6 nr. 1:\na) for å levere tjenesten\nb) for å sende nyhetsbrev", []),
    ("Etter artikkel 6 nr. 1 bruker vi:\na) avtale (kundekontoen)\nb) samtykke (nyhetsbrevet)", []),
]


@pytest.mark.parametrize("text,letters", ART6)
def test_art6_letters(text, letters):
    assert art6_letters(find_references(text)) == letters


# (text, expected fields of the first reference)
REFERENCES = [
    ("GDPR artikkel 13 (2) bokstav c", {"law": "GDPR", "article": "13", "paragraph": "2", "letters": ["c"]}),
    ("art 18", {"law": "GDPR", "article": "18", "paragraph": None, "letters": []}),
    ("art. 9 nr. 2 bokstav a", {"law": "GDPR", "article": "9", "paragraph": "2", "letters": ["a"]}),
    ("art. 13–14", {"article": "13-14"}),
    ("art. 7(3)", {"article": "7", "paragraph": "3"}),
    ("§ 8 bokstav a og b", {"law": None, "article": "8", "letters": ["a", "b"]}),
    ("personopplysningsloven § 8 bokstav a", {"law": "personopplysningsloven", "article": "8", "letters": ["a"]}),
    ("markedsføringsloven § 15", {"law": "markedsføringsloven", "article": "15", "letters": []}),
    ("jf. ekomloven § 2-7b.", {"law": "ekomloven", "article": "2-7b"}),
    ("§ 2-7b i ekomloven", {"law": "ekomloven", "article": "2-7b"}),
    ("§ 15 i markedsføringsloven", {"law": "markedsføringsloven", "article": "15"}),
    ("bokføringslovens §13", {"law": "bokføringsloven", "article": "13"}),
    ("personopplysningslovens § 18, 1. ledd", {"law": "personopplysningsloven", "article": "18", "paragraph": "1"}),
    ("etter bokføringsloven", {"law": "bokføringsloven", "article": None, "text": "bokføringsloven"}),
    ("Personopplysningsloven gjeld", {"law": "personopplysningsloven", "article": None}),
    ("pasient- og brukerrettighetsloven", {"law": "pasient- og brukerrettighetsloven"}),
    ("arkivlova § 6", {"law": "arkivlova", "article": "6"}),
    ("artikkel 6(1)(e) i GDPR", {"law": "GDPR", "text": "artikkel 6(1)(e) i GDPR"}),
    ("ePrivacy-direktivet artikkel 5 (3)", {"law": "ePrivacy-direktivet", "article": "5", "paragraph": "3"}),
    ("(GDPR art. 6 nr. 1 bokstav f).", {"text": "GDPR art. 6 nr. 1 bokstav f"}),
    ("personopplysningsloven art. 6 nr. 1 bokstav a", {"law": "GDPR", "letters": ["a"]}),
]


@pytest.mark.parametrize("text,expected", REFERENCES)
def test_reference_fields(text, expected):
    refs = find_references(text)
    assert refs, text
    ref = refs[0]
    for key, value in expected.items():
        assert ref[key] == value, (key, ref)


def test_an_article_after_a_norwegian_statute_is_gdprs():
    refs = find_references("Regnskap: rettslig forpliktelse etter bokføringsloven, art. 6 nr. 1 bokstav c")
    assert [(r["law"], r["article"], r["letters"], r["text"]) for r in refs] == [
        ("bokføringsloven", None, [], "bokføringsloven"), ("GDPR", "6", ["c"], "art. 6 nr. 1 bokstav c")]
    assert art6_letters(refs) == ["c"]


def test_offsets_point_at_the_citation():
    text = "Grunnlaget er samtykke, jf. personvernforordningen art. 6 nr. 1 bokstav a, og markedsføringsloven § 15."
    refs = find_references(text)
    assert [text[r["start"]:r["end"]] for r in refs] == [r["text"] for r in refs]
    assert [r["law"] for r in refs] == ["GDPR", "markedsføringsloven"]


@pytest.mark.parametrize("text", ["personvernlovgivningen", "personvernloven", "lovgivning", "loven", "norsk lov",
                                  "lovlig", "Vi følger lova."])
def test_not_a_law(text):
    assert find_references(text) == []


def test_law_names():
    assert law_name("personvernforordningen")[0] == "GDPR"
    assert law_name("EU 2016/679")[0] == "GDPR"
    assert law_name("regnskapslovens")[0] == "regnskapsloven"


# A later letter continuing an article citation after an apposition (`..., og bokstav f, ...`).
APPOSITION = [
    ("Det rettslige grunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav b, tiltak før en avtale "
     "inngås, og bokstav f, vår berettigede interesse i å kunne svare den som tar kontakt med oss.", ["b", "f"]),
    ("Grunnlaget er GDPR art. 6 nr. 1 bokstav a (samtykke) samt bokstav c (rettslig forpliktelse).", ["a", "c"]),
    ("Handsamingsgrunnlaget er personvernforordninga artikkel 6 nr. 1 bokstav b, avtale med deg, og bokstav f, "
     "berettiga interesse.", ["b", "f"]),
    ("Vi behandler opplysningene etter art. 6 (1) a, ditt samtykke, og bokstav c, lovpålagt plikt, eller "
     "bokstav f, legitim interesse.", ["a", "c", "f"]),
    ("artikkel 6 nr. 1 bokstav a, samtykke, samt bokstav c, rettsleg plikt, og bokstav f, berettiga interesse.",
     ["a", "c", "f"]),
    ("GDPR art. 6 nr. 1 bokstav b og bokstav f gjeld.", ["b", "f"]),
    # negatives: another article in between, a new sentence, no letter keyword, a different law in between
    ("Grunnlaget er art. 6 nr. 1 bokstav a, jf. art. 9 nr. 2 bokstav a, og bokstav f.", ["a"]),
    ("Grunnlaget er art. 6 nr. 1 bokstav a (samtykke). Vi viser også til bokstav f i avtalen.", ["a"]),
    ("Grunnlaget er art. 6 nr. 1 bokstav b, avtalen med deg, og f.eks. fakturering.", ["b"]),
    ("Grunnlaget er art. 6 nr. 1 bokstav b, jf. personopplysningsloven § 8, og bokstav f.", ["b"]),
    ("Grunnlaget er art. 6 nr. 1 bokstav b. Se punkt 3 og bokstav f i vilkåra.", ["b"]),
]


@pytest.mark.parametrize("text,letters", APPOSITION)
def test_letter_after_apposition(text, letters):
    refs = find_references(text)
    assert art6_letters(refs) == letters
    assert [text[r["start"]:r["end"]] for r in refs] == [r["text"] for r in refs]


def test_apposition_letter_is_its_own_reference():
    text = ("personvernforordningen artikkel 6 nr. 1 bokstav b, tiltak før en avtale inngås, og bokstav f, "
            "vår interesse")
    refs = find_references(text)
    assert [(r["article"], r["paragraph"], r["letters"], r["method"]) for r in refs] == [
        ("6", "1", ["b"], "citation.article"), ("6", "1", ["f"], "citation.letter_apposition")]
    assert refs[1]["text"] == "bokstav f"
