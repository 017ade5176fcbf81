"""The question bank: reusable, versioned questions in categories, per course team.

Categories and questions live in a course team's Wagtail collection (like images
and certificate templates), so the team's collection permissions scope every
listing and chooser. Quizzes take fixed bank questions or random draws from a
category (``blocks``); ``services`` puts them into an attempt's snapshot, and the
import and export modules (``moodle_xml``, ``gift``) read and write the formats.
"""
