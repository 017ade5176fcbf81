"""GDPR: the site's pages hold no personal data."""

NO_PERSONAL_DATA = {
    "pages.HomePage": "content page",
    "pages.StandardPage": "content page",
}
