"""The demo site: start page and legal pages, in German with English translations."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from demo.accessibility import statement_fields
from pages.models import AccessibilityStatementPage, HomePage, StandardPage

HOME = {
    "de": {
        "title": "IQ Lernplattform",
        "intro": (
            "<p>Online-Fortbildungen des Förderprogramms „Integration durch "
            "Qualifizierung (IQ)“ für Arbeitgeber, Jobcenter und Agenturen für "
            "Arbeit: interkulturelle Kompetenz, diskriminierungsfreie "
            "Personalauswahl und die Anerkennung ausländischer "
            "Berufsqualifikationen.</p>"
        ),
        "easy_language": (
            "<p>Hier können Sie online lernen.</p>"
            "<p>Die Kurse sind für Menschen, die in Betrieben, im Jobcenter oder "
            "in der Agentur für Arbeit arbeiten.</p>"
            "<p>Sie lernen: Wie arbeite ich gut mit Menschen aus anderen Ländern "
            "zusammen? Wie wird ein Berufs-Abschluss aus dem Ausland anerkannt?</p>"
            "<p>So geht es: Sie melden sich an. Sie wählen einen Kurs. Sie lesen "
            "die Texte und beantworten Fragen. Am Ende bekommen Sie ein "
            "Zertifikat.</p>"
            "<p>Die Kurse sind kostenlos.</p>"
        ),
    },
    "en": {
        "title": "IQ Learning Platform",
        "intro": (
            "<p>Online training from the programme “Integration durch "
            "Qualifizierung (IQ)” for employers, Jobcenters and employment "
            "agencies: intercultural competence, non-discriminatory recruitment "
            "and the recognition of foreign professional qualifications.</p>"
        ),
        "easy_language": (
            "<p>You can learn online here.</p>"
            "<p>The courses are for people who work in companies, in a Jobcenter "
            "or in an employment agency.</p>"
            "<p>You learn: How do I work well with people from other countries? "
            "How is a vocational qualification from abroad recognised?</p>"
            "<p>This is how it works: You register. You choose a course. You read "
            "the texts and answer questions. At the end you get a certificate.</p>"
            "<p>The courses are free of charge.</p>"
        ),
    },
}

LEGAL_PAGES = [
    {
        "slug": "impressum",
        "de": {
            "title": "Impressum",
            "body": (
                "<h2>Angaben gemäß § 5 DDG</h2>"
                "<p>Diese Installation ist eine Demo-Umgebung der IQ Lernplattform. "
                "Der Betreiber einer produktiven Installation trägt hier Name, "
                "Anschrift, Vertretungsberechtigte und Kontaktdaten ein.</p>"
                "<h2>Förderhinweis</h2>"
                "<p>Das Förderprogramm „Integration durch Qualifizierung (IQ)“ "
                "wird durch das Bundesministerium für Arbeit und Soziales und den "
                "Europäischen Sozialfonds Plus gefördert.</p>"
            ),
        },
        "en": {
            "title": "Imprint",
            "body": (
                "<h2>Information according to § 5 DDG</h2>"
                "<p>This installation is a demo environment of the IQ learning "
                "platform. The operator of a production installation enters their "
                "name, address, legal representatives and contact details here.</p>"
                "<h2>Funding</h2>"
                "<p>The programme “Integration durch Qualifizierung (IQ)” is funded "
                "by the Federal Ministry of Labour and Social Affairs and the "
                "European Social Fund Plus.</p>"
            ),
        },
    },
    {
        "slug": "datenschutz",
        "de": {
            "title": "Datenschutzerklärung",
            "body": (
                "<h2>Welche Daten wir verarbeiten</h2>"
                "<p>Für Ihr Konto speichern wir E-Mail-Adresse, Name, Passwort "
                "(nur als sicherer Hash), bevorzugte Sprache und – freiwillig – "
                "Ihre Organisation. Beim Lernen speichern wir Einschreibungen, "
                "Lernfortschritt, Quiz-Antworten und Zertifikate.</p>"
                "<h2>Wozu</h2>"
                "<p>Wir nutzen die Daten, um Ihnen die Kurse bereitzustellen, Ihren "
                "Fortschritt zu sichern und Zertifikate auszustellen "
                "(Art. 6 Abs. 1 lit. b DSGVO). Für die Berichterstattung an das "
                "Förderprogramm werden nur zusammengefasste Zahlen verwendet; "
                "Gruppen unter fünf Personen werden nicht ausgewiesen.</p>"
                "<h2>Ihre Rechte</h2>"
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, "
                "Einschränkung der Verarbeitung, Datenübertragbarkeit und "
                "Widerspruch sowie das Recht auf Beschwerde bei einer "
                "Aufsichtsbehörde.</p>"
            ),
        },
        "en": {
            "title": "Privacy notice",
            "body": (
                "<h2>What data we process</h2>"
                "<p>For your account we store your email address, name, password "
                "(only as a secure hash), preferred language and – if you choose – "
                "your organisation. While you learn we store enrolments, progress, "
                "quiz answers and certificates.</p>"
                "<h2>What for</h2>"
                "<p>We use this data to provide the courses, keep your progress and "
                "issue certificates (Art. 6(1)(b) GDPR). Reports to the funding "
                "programme use aggregated figures only; groups of fewer than five "
                "people are not shown.</p>"
                "<h2>Your rights</h2>"
                "<p>You have the right of access, rectification, erasure, "
                "restriction of processing, data portability and objection, and the "
                "right to lodge a complaint with a supervisory authority.</p>"
            ),
        },
    },
    {
        "slug": "barrierefreiheit",
        "model": AccessibilityStatementPage,
        "fields": statement_fields,
        "de": {
            "title": "Erklärung zur Barrierefreiheit",
            "body": (
                "<p>Wir sind bemüht, die IQ Lernplattform im Einklang mit der "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und den "
                "Web Content Accessibility Guidelines (WCAG) 2.1 Stufe AA "
                "barrierefrei zugänglich zu machen.</p>"
            ),
        },
        "en": {
            "title": "Accessibility statement",
            "body": (
                "<p>We strive to make the IQ learning platform accessible in line "
                "with the German Barrier-Free Information Technology Ordinance "
                "(BITV 2.0) and the Web Content Accessibility Guidelines (WCAG) 2.1 "
                "level AA.</p>"
            ),
        },
    },
]


def content_locales() -> dict[str, Locale]:
    """The content languages' locales, created where missing."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def _translate(page: Page, locale: Locale, fields: dict) -> Page:
    """Create or update the page's translation into `locale` and publish it."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def ensure_tree_roots() -> None:
    """Recreates the page and collection roots Wagtail's migrations made.

    A flushed database (transactional tests) has lost them; a migrated one
    keeps them, so this changes nothing there.
    """
    default_locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[
        0
    ]
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=default_locale)
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def create_site_pages() -> HomePage:
    """Idempotent: home page as the site root, legal pages in the footer."""
    ensure_tree_roots()
    locales = content_locales()
    home = HomePage.objects.filter(locale=locales["de"]).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(slug="start", locale=locales["de"], **HOME["de"])
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page if site else None
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="IQ Lernplattform",
            )
        else:
            site.root_page = home
            site.site_name = "IQ Lernplattform"
            site.save()
        if placeholder is not None and placeholder.specific_class is Page:
            placeholder.delete()
    _translate(home, locales["en"], HOME["en"])

    for spec in LEGAL_PAGES:
        page = StandardPage.objects.filter(
            slug=spec["slug"], locale=locales["de"]
        ).first()
        model = spec.get("model", StandardPage)
        extra = spec.get("fields", lambda lang: {})
        if page is None:
            page = model(
                slug=spec["slug"], show_in_footer=True, **spec["de"], **extra("de")
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        _translate(page, locales["en"], {**spec["en"], **extra("en")})
    return home
