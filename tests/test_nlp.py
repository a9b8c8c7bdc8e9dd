"""Sentence boundaries of the project's rule component (`policyparse.nlp.policy_sentences`)."""
import pytest


@pytest.mark.parametrize("text, sentences", [
    ("Vi lagrer data. Du kan be om innsyn.", ["Vi lagrer data.", "Du kan be om innsyn."]),
    ("Se personvernforordningen art. 6 nr. 1 bokstav f. Vi svarer raskt.",
     ["Se personvernforordningen art. 6 nr. 1 bokstav f.", "Vi svarer raskt."]),
    ("Vi bruker f.eks. Google Analytics. Det er alt.", ["Vi bruker f.eks. Google Analytics.", "Det er alt."]),
    ("Vi sletter data etter slutt.Neste setning kommer her.", ["Vi sletter data etter slutt.", "Neste setning kommer her."]),
    ("Les mer på nettsiden.no om dette.", ["Les mer på nettsiden.no om dette."]),
    ("Første linje\nAndre linje", ["Første linje\n", "Andre linje"]),
    # an identifier with a dot goes on: no boundary inside it
    ("Vi setter informasjonskapslene _ga, DotMetrics.UniqueUserIdentityCookie og _gid.",
     ["Vi setter informasjonskapslene _ga, DotMetrics.UniqueUserIdentityCookie og _gid."]),
    ("Informasjonskapselen .AspNetCore.Mvc.CookieTempDataProvider holder på meldinger.",
     ["Informasjonskapselen .AspNetCore.Mvc.CookieTempDataProvider holder på meldinger."]),
    ("Vi bruker Microsoft.Graph.Client i integrasjonen. Den leser kalenderen.",
     ["Vi bruker Microsoft.Graph.Client i integrasjonen.", "Den leser kalenderen."]),
])
def test_sentence_boundaries(doc_of, text, sentences):
    assert [s.text for s in doc_of(text).sentences()] == sentences
