"""Moodle XML and GIFT import into a bank category, export, and hostile files."""

# ruff: noqa: E501  (the test files are written as Moodle writes them)

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from quizzes.bank import gift, moodle_xml
from quizzes.bank.formats import MAX_IMPORT_BYTES, ImportRefused, ParsedQuestion
from quizzes.bank.models import BankQuestion
from quizzes.bank.services import save_questions
from tests.factories import make_team
from tests.quizzes.bank_helpers import make_category

pytestmark = pytest.mark.django_db

MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Import</text></category></question>
  <question type="multichoice">
    <name><text>Hauptstadt</text></name>
    <questiontext format="html"><text><![CDATA[<p>Hauptstadt von <b>Frankreich</b>?</p>]]></text></questiontext>
    <generalfeedback><text>Paris liegt an der Seine.</text></generalfeedback>
    <defaultgrade>2</defaultgrade>
    <single>true</single>
    <answer fraction="100"><text>Paris</text><feedback><text>Richtig</text></feedback></answer>
    <answer fraction="0"><text>Lyon</text><feedback><text>Nein</text></feedback></answer>
    <tags><tag><text>Geografie</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Primzahlen</text></name>
    <questiontext format="html"><text>Welche sind Primzahlen?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>2</text></answer>
    <answer fraction="50"><text>3</text></answer>
    <answer fraction="-100"><text>4</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Erde rund</text></name>
    <questiontext format="html"><text>Die Erde ist rund.</text></questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Ja</text></feedback></answer>
    <answer fraction="0"><text>false</text><feedback><text>Doch</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>Farbe</text></name>
    <questiontext format="html"><text>Der Himmel ist ___.</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>blau</text></answer>
    <answer fraction="0"><text>grün</text></answer>
  </question>
  <question type="numerical">
    <name><text>Rechnen</text></name>
    <questiontext format="html"><text>2 + 2 = ___</text></questiontext>
    <answer fraction="100"><text>4</text><tolerance>0</tolerance></answer>
  </question>
  <question type="matching">
    <name><text>Länder</text></name>
    <questiontext format="html"><text>Ordnen Sie zu.</text></questiontext>
    <subquestion><text>Deutschland</text><answer><text>Berlin</text></answer></subquestion>
    <subquestion><text>Italien</text><answer><text>Rom</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Reihenfolge</text></name>
    <questiontext format="html"><text>Ordnen Sie.</text></questiontext>
    <answer fraction="2"><text>Zwei</text></answer>
    <answer fraction="1"><text>Eins</text></answer>
    <answer fraction="3"><text>Drei</text></answer>
  </question>
  <question type="essay">
    <name><text>Aufsatz</text></name>
    <questiontext format="html"><text>Schreiben Sie.</text></questiontext>
  </question>
</quiz>
"""

GIFT = """// Eine Kommentarzeile
$CATEGORY: Import

::Hauptstadt:: Hauptstadt von Frankreich? {=Paris#Richtig ~Lyon#Nein ####Seine}

::Primzahlen:: Welche sind Primzahlen? {~%50%2 ~%50%3 ~%-100%4}

::Erde:: Die Erde ist rund. {T}

::Farbe:: Der Himmel ist {=blau =Blau} .

::Länder:: Ordnen Sie zu. {=Deutschland -> Berlin =Italien -> Rom}

::Rechnen:: 2 + 2 = {#4}

::Aufsatz:: Schreiben Sie einen Aufsatz. {}

::Toleranz:: Pi ungefähr? {#3.14:0.01}
"""


@pytest.fixture
def category(site_root):
    from tests.factories import make_course, make_course_index

    index = make_course_index(site_root)
    return make_category(make_team(make_course(index, modules=0)).collection)


def _by_title(result):
    return {q.title: q for q in result.questions}


def test_moodle_xml_imports_every_supported_type(category):
    result = moodle_xml.parse(MOODLE)
    questions = _by_title(result)
    assert {t: q.type for t, q in questions.items()} == {
        "Hauptstadt": "single_choice",
        "Primzahlen": "multiple_choice",
        "Erde rund": "true_false",
        "Farbe": "fill_in_blank",
        "Rechnen": "fill_in_blank",
        "Länder": "matching",
        "Reihenfolge": "ordering",
    }
    assert len(result.skipped) == 1 and "essay" in result.skipped[0]
    assert "Aufsatz" in result.skipped[0]
    capital = questions["Hauptstadt"].value
    assert capital["prompt"] == "<p>Hauptstadt von <b>Frankreich</b>?</p>"
    assert [o["value"]["is_correct"] for o in capital["options"]] == [True, False]
    assert questions["Hauptstadt"].tags == ["Geografie"]
    primes = questions["Primzahlen"].value["options"]
    assert [o["value"]["is_correct"] for o in primes] == [True, True, False]
    assert questions["Erde rund"].value["correct"] is True
    order = [i["value"] for i in questions["Reihenfolge"].value["items"]]
    assert order == ["Eins", "Zwei", "Drei"]
    accepted = questions["Farbe"].value["accepted_answers"]
    assert [a["value"] for a in accepted] == ["blau"]

    saved = save_questions(category, result.questions)
    assert BankQuestion.objects.filter(category=category).count() == 7
    assert all(q.latest_revision_id for q in saved)
    stored = BankQuestion.objects.get(title="Hauptstadt")
    assert list(stored.tags.names()) == ["Geografie"]
    assert stored.collection_id == category.collection_id


def test_gift_imports_every_type_it_has(category):
    result = gift.parse(GIFT)
    questions = _by_title(result)
    assert {t: q.type for t, q in questions.items()} == {
        "Hauptstadt": "single_choice",
        "Primzahlen": "multiple_choice",
        "Erde": "true_false",
        "Farbe": "fill_in_blank",
        "Länder": "matching",
        "Rechnen": "fill_in_blank",
    }
    assert len(result.skipped) == 2
    assert "Aufsatz" in result.skipped[0] and "Toleranz" in result.skipped[1]
    capital = questions["Hauptstadt"].value
    assert [o["value"]["text"] for o in capital["options"]] == ["Paris", "Lyon"]
    assert capital["options"][0]["value"]["feedback"] == "Richtig"
    assert capital["general_feedback"] == "Seine"
    pairs = [p["value"] for p in questions["Länder"].value["pairs"]]
    assert pairs[1] == {"left": "Italien", "right": "Rom"}
    save_questions(category, result.questions)
    assert BankQuestion.objects.filter(category=category).count() == 6


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<quiz><question type="truefalse"><name><text>&lol3;</text></name></question></quiz>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&xxe;</text></name></question></quiz>"""
SCRIPT = MOODLE.replace(
    "<![CDATA[<p>Hauptstadt von <b>Frankreich</b>?</p>]]>",
    "<![CDATA[<p>Hallo<script>alert(1)</script></p>]]>",
)


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (BILLION_LAUGHS, "unsafe_xml", "DTD"),
        (EXTERNAL, "unsafe_xml", "DTD"),
        ("<quiz><question>", "malformed", "XML"),
        ("<html><body/></html>", "not_moodle", "Moodle"),
        (SCRIPT, "script", "Skript"),  # German, the default language
        ("x" * (MAX_IMPORT_BYTES + 1), "too_large", "MB"),
    ],
)
def test_hostile_and_broken_moodle_files_are_refused(category, data, code, words):
    with pytest.raises(ImportRefused) as error:
        moodle_xml.parse(data)
    assert error.value.code == code
    assert words in error.value.messages[0]
    assert not BankQuestion.objects.exists()


def test_hostile_gift_is_refused(category):
    for data in (
        "::X:: <script>alert(1)</script> Frage? {T}",
        '::X:: <a href\\="javascript:alert(1)">Frage</a> {T}',
        "::X:: Frage ohne Antworten",
        "x" * (MAX_IMPORT_BYTES + 1),
    ):
        with pytest.raises(ImportRefused):
            gift.parse(data)
    assert not BankQuestion.objects.exists()


def test_rich_text_keeps_only_the_prompts_features():
    data = MOODLE.replace(
        "<![CDATA[<p>Hauptstadt von <b>Frankreich</b>?</p>]]>",
        '<![CDATA[<p style="color:red">Frage <iframe src="x"></iframe><u>hier</u></p>]]>',
    )
    prompt = _by_title(moodle_xml.parse(data))["Hauptstadt"].value["prompt"]
    assert "iframe" not in prompt and "style" not in prompt and "<u>" not in prompt
    assert "Frage" in prompt and "hier" in prompt


def test_an_invalid_question_stores_nothing_at_all(category):
    questions = moodle_xml.parse(MOODLE).questions
    broken = ParsedQuestion(
        "Kaputt",
        "single_choice",
        {
            "prompt": "<p>Ohne richtige Antwort</p>",
            "points": "1",
            "general_feedback": "",
            "options": [
                {
                    "type": "item",
                    "id": "a",
                    "value": {"text": "a", "is_correct": False, "feedback": ""},
                },
                {
                    "type": "item",
                    "id": "b",
                    "value": {"text": "b", "is_correct": False, "feedback": ""},
                },
            ],
        },
    )
    with pytest.raises(ValidationError):
        save_questions(category, [*questions, broken])
    assert not BankQuestion.objects.exists()


def _comparable(value: dict) -> dict:
    """A stored question value without the ids the import makes anew."""

    def strip(v):
        if isinstance(v, list):
            return [
                strip(i["value"] if isinstance(i, dict) and "id" in i else i) for i in v
            ]
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items()}
        return v

    result = strip(value)
    result["points"] = Decimal(str(result["points"])).normalize()
    return result


def test_export_then_import_gives_the_same_questions(category, site_root):
    save_questions(category, moodle_xml.parse(MOODLE).questions)
    before = {
        q.title: (
            q.question.block_type,
            _comparable(q.question.block.get_prep_value(q.question.value)),
            sorted(q.tags.names()),
        )
        for q in BankQuestion.objects.filter(category=category)
    }
    exported = moodle_xml.export(
        BankQuestion.objects.filter(category=category), "Import"
    )
    again = moodle_xml.parse(exported)
    assert not again.skipped
    after = {
        q.title: (q.type, _comparable(q.value), sorted(q.tags)) for q in again.questions
    }
    assert after == before
