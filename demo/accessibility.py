"""Demo content for BITV 2.0: the accessibility statement's own fields, pages in
Leichte Sprache / Easy Read, and the (empty) page for DGS videos.

The Leichte Sprache follows the rules of the Netzwerk Leichte Sprache: short
sentences, one statement per sentence, the reader addressed directly, hard words
explained, no passive and no genitive, numbers as digits.
"""

from __future__ import annotations

import datetime

from wagtail.models import Locale

SCHLICHTUNG = (
    "<p>Sie haben uns eine Barriere gemeldet und keine zufriedenstellende Antwort "
    "erhalten? Dann können Sie einen Antrag bei der Schlichtungsstelle nach § 16 "
    "Behindertengleichstellungsgesetz (BGG) stellen. Die Schlichtungsstelle hilft "
    "kostenlos, einen Streit ohne Gericht zu lösen: "
    '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de'
    "</a>, Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem "
    "Beauftragten der Bundesregierung für die Belange von Menschen mit "
    "Behinderungen, Mauerstraße 53, 10117 Berlin.</p>"
)
SCHLICHTUNG_EN = (
    "<p>If you reported a barrier and did not receive a satisfactory answer, you "
    "can apply to the conciliation body under § 16 of the German Disability "
    "Equality Act (BGG). It helps free of charge to settle a dispute without a "
    'court: <a href="https://www.schlichtungsstelle-bgg.de">'
    "www.schlichtungsstelle-bgg.de</a>, Mauerstraße 53, 10117 Berlin.</p>"
)

BARRIERS = {
    "de": [
        {
            "title": "Inhalte von Dritten (H5P und SCORM)",
            "description": "<p>Einige Übungen kommen von anderen Anbietern. Sie "
            "können Barrieren enthalten, die wir nicht prüfen können.</p>",
            "alternative": "<p>Jede Lektion erklärt den Inhalt auch als Text. "
            "Schreiben Sie uns, wenn Sie eine Übung nicht bedienen können.</p>",
        },
        {
            "title": "Verwaltung für Trainerinnen und Trainer",
            "description": "<p>Im Seiteneditor hat das Feld für formatierten Text "
            "keinen Namen für Screenreader, und die Datumsauswahl ist nicht mit der "
            "Tastatur bedienbar (Fehler der Software Wagtail).</p>",
            "alternative": "<p>Datumsangaben können Sie direkt eintippen.</p>",
        },
    ],
    "en": [
        {
            "title": "Third-party content (H5P and SCORM)",
            "description": "<p>Some exercises come from other providers and may "
            "contain barriers we cannot check.</p>",
            "alternative": "<p>Every lesson also explains its content in text. "
            "Write to us if you cannot use an exercise.</p>",
        },
        {
            "title": "Administration for trainers",
            "description": "<p>In the page editor the rich text field has no name "
            "for screen readers and the date picker cannot be used with the "
            "keyboard (defects of the Wagtail software).</p>",
            "alternative": "<p>You can type dates in directly.</p>",
        },
    ],
}

METHOD = {
    "de": "<p>Selbstbewertung: automatische Prüfung jeder Seite mit axe-core und "
    "HTML_CodeSniffer, Prüfung von Hand mit der Tastatur, bei 320 Pixel Breite, "
    "bei 200 % Zoom und mit vergrößertem Textabstand.</p>",
    "en": "<p>Self-assessment: every page checked automatically with axe-core and "
    "HTML_CodeSniffer, and by hand with the keyboard, at 320 pixels width, at "
    "200 % zoom and with increased text spacing.</p>",
}


def statement_fields(lang: str) -> dict:
    """The statement page's own fields (besides title and body) in `lang`."""
    return {
        "status": "partial",
        "prepared_on": datetime.date(2026, 12, 1),
        "method": METHOD[lang],
        "feedback_email": "barrierefreiheit@example.org",
        "enforcement_body": SCHLICHTUNG if lang == "de" else SCHLICHTUNG_EN,
        "known_barriers": [
            {"type": "barrier", "value": barrier} for barrier in BARRIERS[lang]
        ],
    }


EASY = {
    "slug": "leichte-sprache",
    "de": {
        "title": "Leichte Sprache",
        "body": (
            "<h2>Was ist diese Internet-Seite?</h2>"
            "<p>Diese Internet-Seite heißt: IQ Lernplattform.</p>"
            "<p>Hier können Sie lernen.</p>"
            "<p>Sie lernen am Computer.</p>"
            "<p>Oder Sie lernen am Handy.</p>"
            "<p>Die Kurse sind für Menschen mit einer Arbeit in:</p>"
            "<ul><li>Betrieben</li><li>Jobcentern</li>"
            "<li>Agenturen für Arbeit</li></ul>"
            "<p>Viele Menschen kommen aus anderen Ländern nach Deutschland.</p>"
            "<p>Diese Menschen haben schon einen Beruf gelernt.</p>"
            "<p>In den Kursen lernen Sie: So können Sie diese Menschen gut beraten.</p>"
            "<h2>Was ist IQ?</h2>"
            "<p>IQ ist ein Programm.</p>"
            "<p>IQ ist die Abkürzung für: Integration durch Qualifizierung.</p>"
            "<p>Integration bedeutet: Alle Menschen gehören dazu.</p>"
            "<p>Qualifizierung bedeutet: Menschen lernen etwas für ihre Arbeit.</p>"
        ),
    },
    "en": {
        "title": "Easy Read",
        "body": (
            "<h2>What is this website?</h2>"
            "<p>This website is called: IQ Learning Platform.</p>"
            "<p>You can learn here.</p>"
            "<p>You learn on a computer.</p>"
            "<p>Or you learn on a phone.</p>"
            "<p>The courses are for people who work in:</p>"
            "<ul><li>companies</li><li>job centres</li>"
            "<li>employment agencies</li></ul>"
            "<p>Many people come to Germany from other countries.</p>"
            "<p>These people have already learned a job.</p>"
            "<p>In the courses you learn how to advise these people well.</p>"
        ),
    },
}

EASY_CHILDREN = [
    {
        "slug": "so-finden-sie-sich-zurecht",
        "de": {
            "title": "So finden Sie sich zurecht",
            "body": (
                "<p>Oben auf jeder Seite ist ein blauer Streifen.</p>"
                "<p>Dort finden Sie Wörter zum Anklicken.</p>"
                "<p>Diese Wörter heißen: Links.</p>"
                "<p>Ein Link bringt Sie zu einer anderen Seite.</p>"
                "<h2>Die Links oben</h2>"
                "<ul>"
                "<li><strong>Startseite</strong>: "
                "Hier fängt die Internet-Seite an.</li>"
                "<li><strong>Kurse</strong>: Hier sehen Sie alle Kurse.</li>"
                "<li><strong>Anmelden</strong>: Hier geben Sie Ihre E-Mail-Adresse "
                "und Ihr Passwort ein. Dann können Sie lernen.</li>"
                "<li><strong>Registrieren</strong>: Hier machen Sie ein Konto. "
                "Ein Konto ist Ihr eigener Bereich auf der Internet-Seite.</li>"
                "<li><strong>English</strong>: Dann ist die Internet-Seite auf "
                "Englisch.</li>"
                "</ul>"
                "<h2>Mit der Tastatur</h2>"
                "<p>Sie können alles mit der Tastatur machen.</p>"
                "<p>Drücken Sie die Taste Tab.</p>"
                "<p>Dann kommen Sie zum nächsten Link.</p>"
                "<p>Drücken Sie die Taste Enter.</p>"
                "<p>Dann öffnet sich der Link.</p>"
                "<h2>Unten auf jeder Seite</h2>"
                "<p>Unten finden Sie wichtige Seiten.</p>"
                "<p>Zum Beispiel: Wer macht diese Internet-Seite?</p>"
                "<p>Und: Was passiert mit Ihren Daten?</p>"
            ),
        },
        "en": {
            "title": "How to find your way",
            "body": (
                "<p>At the top of every page there is a blue bar.</p>"
                "<p>It has words you can click.</p>"
                "<p>These words are called: links.</p>"
                "<p>A link takes you to another page.</p>"
                "<h2>The links at the top</h2>"
                "<ul>"
                "<li><strong>Home</strong>: This is where the website starts.</li>"
                "<li><strong>Courses</strong>: Here you see all courses.</li>"
                "<li><strong>Sign in</strong>: Here you type your email address "
                "and your password. Then you can learn.</li>"
                "<li><strong>Register</strong>: Here you make an account. An account "
                "is your own space on the website.</li>"
                "<li><strong>Deutsch</strong>: Then the website is in German.</li>"
                "</ul>"
                "<h2>With the keyboard</h2>"
                "<p>You can do everything with the keyboard.</p>"
                "<p>Press the Tab key.</p>"
                "<p>Then you go to the next link.</p>"
                "<p>Press the Enter key.</p>"
                "<p>Then the link opens.</p>"
            ),
        },
    },
    {
        "slug": "barrierefreiheit-leichte-sprache",
        "de": {
            "title": "Barrierefreiheit in Leichter Sprache",
            "body": (
                "<p>Wir möchten: Alle Menschen können diese Internet-Seite gut "
                "benutzen.</p>"
                "<p>Auch Menschen mit Behinderung.</p>"
                "<p>Das nennt man: Barrierefreiheit.</p>"
                "<h2>Was gut klappt</h2>"
                "<p>Sie können die Seite mit der Tastatur benutzen.</p>"
                "<p>Sie können die Schrift groß machen.</p>"
                "<p>Ein Screenreader kann die Seite vorlesen.</p>"
                "<p>Ein Screenreader ist ein Programm.</p>"
                "<p>Das Programm liest vor, was auf dem Bildschirm steht.</p>"
                "<h2>Was noch nicht gut klappt</h2>"
                "<p>Manche Übungen kommen von anderen Firmen.</p>"
                "<p>Wir können diese Übungen nicht ganz prüfen.</p>"
                "<p>Vielleicht können Sie eine Übung nicht benutzen.</p>"
                "<p>Dann schreiben Sie uns bitte.</p>"
                "<h2>Schreiben Sie uns</h2>"
                "<p>Etwas klappt nicht?</p>"
                "<p>Dann schreiben Sie uns.</p>"
                "<p>Dafür gibt es ein Formular.</p>"
                "<p>Sie finden das Formular auf der Seite: "
                '<a href="/barrierefreiheit/#feedback">Erklärung zur '
                "Barrierefreiheit</a>.</p>"
                "<p>Oder Sie schreiben eine E-Mail an: "
                '<a href="mailto:barrierefreiheit@example.org">'
                "barrierefreiheit@example.org</a></p>"
                "<p>Wir antworten Ihnen.</p>"
                "<h2>Sie bekommen keine gute Antwort?</h2>"
                "<p>Dann können Sie sich bei einer Schlichtungs-Stelle melden.</p>"
                "<p>Eine Schlichtungs-Stelle hilft bei einem Streit.</p>"
                "<p>Die Hilfe kostet kein Geld.</p>"
                '<p>Hier finden Sie die Schlichtungs-Stelle: <a href="https://www.'
                'schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a></p>'
            ),
        },
        "en": {
            "title": "Accessibility in Easy Read",
            "body": (
                "<p>We want everyone to be able to use this website well.</p>"
                "<p>This includes people with disabilities.</p>"
                "<p>This is called: accessibility.</p>"
                "<h2>What works well</h2>"
                "<p>You can use the website with the keyboard.</p>"
                "<p>You can make the text bigger.</p>"
                "<p>A screen reader can read the website out loud.</p>"
                "<h2>What does not work well yet</h2>"
                "<p>Some exercises come from other companies.</p>"
                "<p>We cannot check these exercises completely.</p>"
                "<p>If you cannot use an exercise, please write to us.</p>"
                "<h2>Write to us</h2>"
                "<p>There is a form on the page "
                '<a href="/en/barrierefreiheit/#feedback">Accessibility '
                "statement</a>.</p>"
                "<p>We will answer you.</p>"
            ),
        },
    },
]

SIGN_LANGUAGE = {
    "slug": "gebaerdensprache",
    "de": {
        "title": "Deutsche Gebärdensprache (DGS)",
        "body": "<p>Auf dieser Seite erklären Videos in Deutscher "
        "Gebärdensprache, was Sie auf der IQ Lernplattform finden und wie Sie sich "
        "zurechtfinden.</p>",
    },
    "en": {
        "title": "German Sign Language (DGS)",
        "body": "<p>On this page, videos in German Sign Language explain what "
        "the IQ learning platform offers and how to find your way around.</p>",
    },
}


def create_accessibility_pages(home) -> None:
    """Idempotent: the Leichte Sprache pages and the DGS page below the start page."""
    from demo.pages import _translate, content_locales
    from pages.models import EasyLanguagePage, SignLanguagePage

    locales: dict[str, Locale] = content_locales()

    def ensure(parent, model, spec, footer=False):
        page = model.objects.filter(slug=spec["slug"], locale=locales["de"]).first()
        if page is None:
            page = model(slug=spec["slug"], show_in_footer=footer, **spec["de"])
            parent.add_child(instance=page)
            page.save_revision().publish()
        _translate(page, locales["en"], spec["en"])
        return page

    easy = ensure(home, EasyLanguagePage, EASY, footer=True)
    for child in EASY_CHILDREN:
        ensure(easy, EasyLanguagePage, child)
    ensure(home, SignLanguagePage, SIGN_LANGUAGE, footer=True)
