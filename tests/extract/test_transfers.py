"""Transfers outside the EU/EEA and transfer mechanisms (`extract/transfers.py`)."""
from __future__ import annotations

import pytest

from policyparse.extract import transfers

from conftest import make_doc


def run(text: str):
    doc = make_doc(text)
    result = transfers.extract(doc, {})
    for finding in result.findings:
        assert finding.method and 0 < finding.confidence <= 1
    return result.fields, doc


CASES = [
    # outside
    ("Der personopplysninger overføres utenfor EU/EØS har vi signert EU standardavtaler med leverandørene.",
     True, ["scc"]),
    ("I visse tilfeller deles personopplysningene dine med mottakere utenfor EU/EØS-området.", True, []),
    ("I enkelte tilfeller kan databehandlere utenfor EU/EØS benyttes.", True, []),
    ("Dersom opplysninger overføres utenfor EU/EØS, sørger vi for et gyldig overføringsgrunnlag.", True, []),
    ("Enkelte av våre databehandlere har hovedkontor i USA, noe som innebærer at data kan bli overført til servere "
     "utenfor Det europeiske økonomiske samarbeidsområdet (EØS).", True, []),
    ("Google kan overføre data til servere i USA.", True, []),
    ("Opplysningane kan bli overført til tredjeland.", True, []),
    ("Opplysningane kan verte handsama utanfor EØS.", True, []),
    ("Overføring skjer på grunnlag av Standard Contractual Clauses (SCC).", True, ["scc"]),
    ("Vercel har sin hovedbase i USA og opererer under EU-US Data Privacy Framework.", True, ["dpf"]),
    ("Overføring til USA skjer på grunnlag av EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå.",
     True, ["adequacy"]),
    ("Leverandøren er sertifisert under Privacy Shield, og data lagres i USA.", True, ["privacy_shield"]),
    ("Overføringer innad i konsernet skjer i henhold til bindende virksomhetsregler (BCR) når data sendes "
     "utenfor EØS.", True, ["bcr"]),
    ("Data kan overføres utenfor EU/EØS basert på ditt uttrykkelige samtykke.", True, ["consent"]),
    ("Vi overfører ikke personopplysninger utenfor EU/EØS med mindre det foreligger et gyldig grunnlag.", True, []),
    # inside
    ("Data lagres i Europa.", False, []),
    ("Alle data lagres i EU. Ingen overføring til tredjeland.", False, []),
    ("Vi overfører ikke personopplysninger ut av EU/EØS.", False, []),
    ("Diri kan eksportere kundedata til andre selskaper innenfor EU.", False, []),
    ("Vi lagrer og behandler personopplysningene dine innenfor EU/EØS.", False, []),
    ("Leverandørene våre har forpliktet seg til å lagre data i datasentre i EU/EØS.", False, []),
    ("Me handsamar opplysningane innanfor EØS.", False, []),
    ("Opplysningane vert lagra i Noreg eller elles innanfor EU/EØS.", False, []),
    # says neither
    ("Personopplysningene dine kan overføres til utlandet. Overføring av personopplysninger innenfor "
     "EU/EØS-området kan fritt skje i henhold til gjeldende personvernlovgivning.", None, []),
    ("Skjemaene sendes til skjematjenesten Web3Forms (EU-databehandling).", None, []),
    ("Våre systemer kjøres hos en internasjonal skyleverandør med datasentre over hele verden.", None, []),
    ("Google er et amerikansk selskap.", None, []),
    ("Vi har kontor i Oslo og USA.", None, []),
    # an EU/EEA country named without saying EU/EØS does not decide the field (FIELDS.md, settled cases)
    ("Opplysningane vert lagra i Noreg.", None, []),
    ("Siteimprove lagrar dataa på serverar i Danmark.", None, []),
    ("Data i Microsoft 365 lagres i Microsofts datasentre i Irland.", None, []),
    ("Vi behandler opplysningene i samsvar med personvernforordningen.", None, []),
    # a dropped mechanism is not in use
    ("31.08.2020 - Fjernet EU-U.S. Privacy Shield som ble ugyldiggjort i EU dom.", None, []),
    # a right to be told about transfers states none
    ("Du har rett til å få vite om opplysningene overføres til tredjeland.", None, []),
    ("Du har krav på informasjon om opplysningane vert overførte ut av EØS, og kva garantiar som gjeld.", None, []),
    # Norway together with the EU is inside
    ("Alle opplysninger lagres i Norge og EU.", False, []),
    # processing said to take place inside, and the EEA countries besides Norway, in nynorsk too
    ("All behandling skjer innenfor EU/EØS.", False, []),
    ("Handsaminga skjer berre innanfor EØS.", False, []),
    ("Alle leverandørane lagrar opplysningane i Noreg eller andre EØS-land.", False, []),
    ("Behandlingen skjer i Norge.", None, []),
    ("Dersom behandlingen skjer utenfor EU/EØS, bruker vi standardkontrakter.", True, ["scc"]),
]


@pytest.mark.parametrize("text,outside,mechanisms", CASES)
def test_transfers(text, outside, mechanisms):
    fields, _ = run("Personvern\n\n" + text)
    assert fields["transfers_outside_eea"] is outside
    assert fields["transfer_mechanisms"] == mechanisms


def test_transfer_outweighs_inside():
    fields, _ = run("Leverandører\n\nAlle data lagres i EU. Stripe behandler betalinger fra USA, og overføring skjer "
                    "på grunnlag av standardkontraktsklausuler.")
    assert fields["transfers_outside_eea"] is True
    assert fields["transfer_mechanisms"] == ["scc"]


def test_privacy_shield_is_flagged():
    _, doc = run("Personvern\n\nVi overfører data til USA under EU-U.S. Privacy Shield.")
    assert any("Privacy Shield" in w for w in doc.warnings)
    _, doc = run("Personvern\n\nVi overfører data til USA under EU-US Data Privacy Framework.")
    assert not any("Privacy Shield" in w for w in doc.warnings)


def test_findings_point_at_the_cue():
    fields, doc = run("Personvern\n\nOpplysningene kan behandles utenfor EU/EØS.")
    result = transfers.extract(doc, {})
    assert any(doc.text[f.start:f.end] == "utenfor EU/EØS" for f in result.findings)


@pytest.mark.parametrize("text,outside", [
    # a PDF line break split the sentence before the cue: the negation on the line above still counts
    ("Alle opplysningene lagres i Norge eller andre EØS-land, og ingen\npersonopplysninger overføres til land "
     "utenfor EU/EØS.", False),
    ("Alle opplysningene lagres i Norge. Noen\npersonopplysninger overføres til land utenfor EU/EØS.", True),
    ("Vi har ingen kontorer i utlandet.\nPersonopplysninger overføres til land utenfor EU/EØS.", True),
])
def test_round3_negation_before_line_break(text, outside):
    fields, _ = run("Personvern\n\n" + text)
    assert fields["transfers_outside_eea"] is outside
