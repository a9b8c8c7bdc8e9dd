"""`last_updated` (`extract/dates.py`)."""
from __future__ import annotations

import pytest

from policyparse.extract import dates

from conftest import make_doc

BODY = "Vi behandler personopplysninger om deg n\u00e5r du bruker tjenesten v\u00e5r."


def last_updated(text: str):
    doc = make_doc(text)
    result = dates.extract(doc, {})
    value = result.fields["last_updated"]
    if value is None:
        assert result.findings == []
    else:
        (f,) = result.findings
        assert f.field == "last_updated" and f.value == value and f.method.startswith("last_updated.")
        assert 0 < f.confidence <= 1 and f.start < f.end
    return value


CASES = [
    # an update cue and a date
    (f"Personvern\n\nSist oppdatert: 24. februar 2026\n\n{BODY}", "2026-02-24"),
    ("Oppdatert 30.08.2026", "2026-08-30"),
    ("Sist oppdatert: 2023-05-17", "2023-05-17"),
    ("Sist oppdatert 8. mars 2026.", "2026-03-08"),
    ("Sist endret 1. jan. 2024", "2024-01-01"),
    ("Sist revidert 5. mai 2022", "2022-05-05"),
    ("Sist oppdatert: 4.2.2025", "2025-02-04"),
    (f"{BODY}\n\nDen siste oppdateringen av denne personvernerkl\u00e6ringen ble gjort 11. august 2022.", "2022-08-11"),
    (f"{BODY}\n\nSist oppdatert 6. august 2026", "2026-08-06"),
    # a month without a day is the first of the month
    ("Sist oppdatert: mars 2026", "2026-03-01"),
    ("Sist oppdatert: Desember 2023", "2023-12-01"),
    ("Sist oppdatert: juni 2026", "2026-06-01"),
    # nynorsk
    ("Sist endra: 3. mars 2025", "2025-03-03"),
    ("Gjeld fr\u00e5 1. januar 2024", "2024-01-01"),
    ("Denne erkl\u00e6ringa vart sist oppdatert 12. oktober 2023.", "2023-10-12"),
    # a change log: the newest entry wins, whatever the order
    (f"Personvern\n\n{BODY}\n\nEndringslogg\n\n- 01.02.2024: Ny leverand\u00f8r\n"
     "- 15.06.2025: Nytt kapittel om informasjonskapsler\n- 03.03.2023: F\u00f8rste versjon", "2025-06-15"),
    (f"Personvern\n\n{BODY}\n\nSist oppdatert:\n\n\u2022 27.09.2021 - Lagt til ny underleverand\u00f8r\n\n"
     "\u2022 22.10.2020 - Redaksjonelle endringer", "2021-09-27"),
    (f"Personvern\n\n{BODY}\n\nEndringar\n\n- 2. mars 2022: Fyrste versjon\n- 9. mai 2024: Nye f\u00f8rem\u00e5l",
     "2024-05-09"),
    # a version table, as text rows or as HTML table rows
    (f"Personvern\n\n{BODY}\n\nVersjon Dato Beskrivelse av endring Signatur\n1.0 19. april 2018 F\u00f8rste versjon LEK\n"
     "1.1 04. desember 2019 La til avsnitt om informasjonskapsler LEK", "2019-12-04"),
    (f"Personvern\n\n{BODY}\n\nVersjon | Dato | Endring\n1.0 | 01.02.2022 | F\u00f8rste versjon\n"
     "1.1 | 15.06.2023 | Nye form\u00e5l", "2023-06-15"),
    # a month name is a whole word: not the end of a surname (`Misund-Asphaug 2015`, `Gjermund-Haug 2021`)
    ("Sist oppdatert av Sten Morten Misund-Asphaug 2015-04-27", "2015-04-27"),
    ("Sist endra av Kari Misund-Asphaug 2016-03-09", "2016-03-09"),
    ("Sist oppdatert av Per Gjermund-Haug 2021", None),
    ("Sist revidert av Ola Nordhaug 2020 og godkjent 3. mars 2020", "2020-03-03"),
    ("Oppdatert av Janne Bjørndes 2019", None),
    ("Sist oppdatert: aug. 2021", "2021-08-01"),
    # a version line anywhere, a bare date line at the end of the text
    (f"Personvern\n\n{BODY}\n\nKontakt oss\n\npersonvern@eksempel.no\n\nVersjon 2.4, mars 2025", "2025-03-01"),
    (f"Personvern\n\nVersjon 1.2 – 14.02.2024\n\n{BODY}", "2024-02-14"),
    (f"Personvern\n\n{BODY}\n\nDesember 2023", "2023-12-01"),
    (f"Personvern\n\n{BODY}\n\n12. mai 2022.", "2022-05-12"),
    (f"Personvern\n\nDesember 2023\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}", None),
    (f"Personvern\n\n{BODY}\n\nVersjon 2 gjeld for avtalar inngått etter 1. mars 2025.", None),
    (f"Personvern\n\n{BODY}\n\nVi ble etablert 12. mai 2001.", None),
    # the cue in the date's own sentence, after other sentences on the same line
    ("Vi kan oppdatere erklæringen fra tid til annen. Denne versjonen ble sist oppdatert 3. mars 2025.", "2025-03-03"),
    ("Vi kan endre fråsegna når tenestene endrar seg. Sist endra 3. mars 2026.", "2026-03-03"),
    ("Sist oppdatert av styret. Vi ble etablert 12. mai 2001.", None),
    # several cues: the newest date
    ("Oppdatert: 4. desember 2019\nGjeldende fra 1. januar 2020", "2020-01-01"),
    # relative dates, dates without a cue, impossible dates: no date
    ("Oppdatert over en uke siden", None),
    ("Sist oppdatert for over en uke siden", None),
    ("Sist oppdatert: i g\u00e5r", None),
    ("Sist oppdatert: for 3 dager siden", None),
    ("Vi ble etablert 12. mai 2001 og har kontor i Oslo.", None),
    ("Avtalen ble inng\u00e5tt 01.02.2020.", None),
    (f"Personvern\n\n{BODY}\n\nVi lagrer opplysningene til 31.12.2027.", None),
    ("Sist oppdatert: 31.02.2024", None),
    ("Sist oppdatert: 1. januar 1990", None),
    ("Sist oppdatert: 2024", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_last_updated(text, expected):
    assert last_updated(text) == expected


def test_date_in_a_later_sentence_is_not_taken():
    assert last_updated("Sist oppdatert 24. februar 2026. Data fra 1. mars 2027 slettes.") == "2026-02-24"
