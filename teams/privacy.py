"""GDPR: course teams are staff working groups; they hold no learner data."""

NO_PERSONAL_DATA = {"teams.CourseTeam": "a course's authoring team (staff)"}
