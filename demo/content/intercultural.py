"""Demo course 1: intercultural competence for Jobcenter and employment-agency staff.

The case studies follow the culture-assimilator format, but their most plausible
explanations are situational and institutional (workload, language of letters and
forms, missing information, the power gap between agency and client), not national
stereotypes: that is the point the course makes.
"""

COURSE = {
    "slug": {"de": "interkulturelle-kompetenz", "en": "intercultural-competence"},
    "title": {
        "de": "Interkulturelle Kompetenz im Arbeitsalltag",
        "en": "Intercultural competence in everyday work",
    },
    "audience": "agency_staff",
    "estimated_minutes": 120,
    "summary": {
        "de": (
            "Für Beschäftigte in Jobcentern und Agenturen für Arbeit: "
            "Missverständnisse "
            "in der Beratung erkennen, ohne in Schubladen zu denken, verständlich "
            "kommunizieren und die eigene Rolle als Behörde mitdenken."
        ),
        "en": (
            "For staff of Jobcenters and employment agencies: recognising "
            "misunderstandings in counselling without pigeonholing people, "
            "communicating clearly and keeping your own role as a public authority "
            "in view."
        ),
    },
    "intro": {
        "de": (
            "<p>Im Jobcenter und in der Agentur für Arbeit begegnen Sie täglich "
            "Menschen mit sehr unterschiedlichen Biografien, Sprachen und "
            "Erfahrungen mit Behörden. Wenn ein Gespräch schiefläuft, liegt die "
            "Erklärung „andere Kultur“ oft nahe – und ist oft falsch oder "
            "unvollständig.</p>"
            "<p>Dieser Kurs zeigt, wie Sie Situationen genauer lesen: Was ist "
            "persönlich, was ist kulturell geprägt, und was entsteht durch die "
            "Situation selbst – durch Zeitdruck, Amtsdeutsch, fehlende Informationen "
            "oder das Machtgefälle zwischen Behörde und Kundschaft? Sie arbeiten mit "
            "Fallbeispielen aus dem Beratungsalltag und schließen mit einem Quiz "
            "ab.</p>"
        ),
        "en": (
            "<p>In a Jobcenter or employment agency you meet people every day with "
            "very different life stories, languages and experiences of public "
            "authorities. When a conversation goes wrong, “a different culture” is "
            "an obvious explanation – and often a wrong or incomplete one.</p>"
            "<p>This course shows you how to read situations more precisely: what is "
            "personal, what is shaped by culture, and what arises from the situation "
            "itself – from time pressure, bureaucratic language, missing information "
            "or the power gap between the authority and its clients? You work with "
            "case studies from everyday counselling and finish with a quiz.</p>"
        ),
    },
    "learning_objectives": [
        {
            "de": "Sie können einen offenen, dynamischen Kulturbegriff erklären und "
            "Kulturalisierung erkennen.",
            "en": "You can explain an open, dynamic concept of culture and recognise "
            "culturalisation.",
        },
        {
            "de": "Sie trennen Beschreibung, Deutung und Bewertung einer Situation.",
            "en": "You separate the description, interpretation and evaluation of a "
            "situation.",
        },
        {
            "de": "Sie sichern Verständigung in Beratungsgesprächen, auch mit "
            "Sprachmittlung.",
            "en": "You make sure you are understood in counselling, including when "
            "working with interpreters.",
        },
        {
            "de": "Sie erkennen, wie Machtgefälle und Verwaltungsroutinen das "
            "Verhalten im Gespräch prägen und zu Benachteiligung führen können.",
            "en": "You recognise how power gaps and administrative routines shape "
            "behaviour in conversations and can lead to disadvantage.",
        },
    ],
    "modules": [
        # ------------------------------------------------------------------ 1
        {
            "slug": {"de": "kultur-verstehen", "en": "understanding-culture"},
            "title": {
                "de": "Kultur verstehen – ohne Schubladen",
                "en": "Understanding culture – without pigeonholes",
            },
            "estimated_minutes": 25,
            "summary": {
                "de": "Was mit Kultur gemeint ist, warum jeder Mensch vielen Kulturen "
                "angehört und warum auch eine Behörde eine eigene Kultur hat.",
                "en": "What culture means, why every person belongs to many cultures "
                "and why a public authority has a culture of its own too.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Kultur ist mehr als Herkunft</h2>"
                            "<p>Kultur bezeichnet gemeinsam gelernte Orientierungen: "
                            "Werte, Regeln, Routinen und Selbstverständlichkeiten, die "
                            "eine Gruppe teilt und die sich ständig verändern. Jeder "
                            "Mensch gehört gleichzeitig vielen solchen Gruppen an – "
                            "einer Generation, einer Region, einem Beruf, einer "
                            "Familie, vielleicht einer Religionsgemeinschaft, einem "
                            "Sportverein oder einer Organisation. Die "
                            "Staatsangehörigkeit "
                            "oder das Herkunftsland ist nur eine dieser "
                            "Zugehörigkeiten "
                            "und sagt über den einzelnen Menschen wenig aus.</p>"
                            "<p>Wer Verhalten vorschnell mit der Herkunft erklärt, "
                            "<strong>kulturalisiert</strong>: Er übersieht die Person "
                            "und die Situation. Die schnelle Frage „Woher kommen "
                            "Sie?“ hilft deshalb in der Beratung selten weiter; "
                            "hilfreicher sind Fragen nach Erfahrungen, Zielen und "
                            "der aktuellen Lebenslage.</p>"
                        ),
                        "en": (
                            "<h2>Culture is more than origin</h2>"
                            "<p>Culture means shared, learned orientations: values, "
                            "rules, routines and things taken for granted that a "
                            "group shares and that keep changing. Every person "
                            "belongs to many such groups at once – a generation, a "
                            "region, a profession, a family, perhaps a religious "
                            "community, a sports club or an organisation. Nationality "
                            "or country of origin is only one of these memberships "
                            "and says little about the individual.</p>"
                            "<p>Anyone who quickly explains behaviour by origin is "
                            "<strong>culturalising</strong>: they overlook the "
                            "person and the situation. The quick question “Where are "
                            "you from?” therefore rarely helps in counselling; "
                            "questions about experience, goals and the current life "
                            "situation help more.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Was interkulturelle Kompetenz ausmacht",
                        "en": "What intercultural competence consists of",
                    },
                    "body": {
                        "de": (
                            "<p>Nach dem Prozessmodell von Darla K. Deardorff (2006) "
                            "bauen <strong>Haltungen</strong> (Respekt, Offenheit, "
                            "Neugier, Aushalten von Unklarheit) und <strong>Wissen "
                            "und Fertigkeiten</strong> (Zuhören, Beobachten, Deuten, "
                            "Wissen über die eigene Prägung) aufeinander auf. Sie "
                            "führen zu einem <strong>inneren Ergebnis</strong> "
                            "(Flexibilität, Empathie, Perspektivwechsel) und einem "
                            "<strong>äußeren Ergebnis</strong>: angemessenem und "
                            "wirksamem Handeln in der konkreten Situation – nicht zu "
                            "einem Katalog von „Länderregeln“. Der Prozess endet "
                            "nie; Reflexion hält ihn in Gang.</p>"
                        ),
                        "en": (
                            "<p>According to Darla K. Deardorff's process model "
                            "(2006), <strong>attitudes</strong> (respect, openness, "
                            "curiosity, tolerating ambiguity) and <strong>knowledge "
                            "and skills</strong> (listening, observing, interpreting, "
                            "knowing how you yourself have been shaped) build on "
                            "each other. They lead to an <strong>internal outcome"
                            "</strong> (flexibility, empathy, taking other "
                            "perspectives) and an <strong>external outcome</strong>: "
                            "appropriate and effective action in the concrete "
                            "situation – not a catalogue of “country rules”. The "
                            "process never ends; reflection keeps it going.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Auch die Behörde hat eine Kultur</h2>"
                            "<p>Jobcenter und Agenturen für Arbeit haben eigene "
                            "Selbstverständlichkeiten: Termine mit Rechtsfolgen, "
                            "Fristen, Formulare, Nachweise, Aktenzeichen und eine "
                            "Fachsprache, die selbst für Menschen mit Deutsch als "
                            "Erstsprache schwer zu verstehen ist. Was Beschäftigten "
                            "nach Jahren selbstverständlich erscheint, ist für "
                            "Kundinnen und Kunden oft neu – unabhängig von ihrer "
                            "Herkunft.</p>"
                            "<p>Interkulturelle Kompetenz heißt deshalb auch, die "
                            "eigene Organisation mit fremden Augen zu sehen: Welche "
                            "Regeln setzen wir voraus, ohne sie zu erklären? Welche "
                            "Informationen bekommt unser Gegenüber wann, in welcher "
                            "Sprache und in welcher Form?</p>"
                        ),
                        "en": (
                            "<h2>The authority has a culture too</h2>"
                            "<p>Jobcenters and employment agencies have their own "
                            "taken-for-granted practices: appointments with legal "
                            "consequences, deadlines, forms, proofs, file numbers and "
                            "a technical language that is hard to understand even for "
                            "people whose first language is German. What seems "
                            "obvious to staff after years on the job is often new to "
                            "clients – whatever their origin.</p>"
                            "<p>Intercultural competence therefore also means seeing "
                            "your own organisation through a stranger's eyes: which "
                            "rules do we assume without explaining them? What "
                            "information does the other person receive, when, in "
                            "which language and in what form?</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Denken Sie an Ihre erste Woche in Ihrer Dienststelle. "
                            "Welche Abkürzungen, Abläufe oder ungeschriebenen Regeln "
                            "mussten Sie damals erst lernen? Welche davon erklären "
                            "Sie Ihren Kundinnen und Kunden heute ausdrücklich – und "
                            "welche nicht?"
                        ),
                        "en": (
                            "Think back to your first week in your office. Which "
                            "abbreviations, procedures or unwritten rules did you "
                            "have to learn first? Which of them do you explain to "
                            "your clients explicitly today – and which not?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {"de": "Kultur", "en": "Culture"},
                            "definition": {
                                "de": "Gemeinsam gelernte, veränderliche "
                                "Orientierungen (Werte, Regeln, Routinen) einer "
                                "Gruppe. Menschen gehören vielen Gruppen zugleich an.",
                                "en": "Shared, learned and changing orientations "
                                "(values, rules, routines) of a group. People belong "
                                "to many groups at the same time.",
                            },
                        },
                        {
                            "term": {"de": "Kulturalisierung", "en": "Culturalisation"},
                            "definition": {
                                "de": "Verhalten einer Person allein mit ihrer "
                                "vermuteten Herkunftskultur erklären und dabei "
                                "Person und Situation übersehen.",
                                "en": "Explaining a person's behaviour solely by "
                                "their presumed culture of origin while overlooking "
                                "the person and the situation.",
                            },
                        },
                        {
                            "term": {"de": "Stereotyp", "en": "Stereotype"},
                            "definition": {
                                "de": "Vereinfachte, verallgemeinernde Vorstellung "
                                "über die Mitglieder einer Gruppe.",
                                "en": "A simplified, generalising idea about the "
                                "members of a group.",
                            },
                        },
                        {
                            "term": {"de": "Vorurteil", "en": "Prejudice"},
                            "definition": {
                                "de": "Eine meist negative Bewertung von Menschen "
                                "aufgrund ihrer Gruppenzugehörigkeit, die ohne "
                                "Prüfung am Einzelfall getroffen wird.",
                                "en": "A usually negative judgement of people based "
                                "on their group membership, made without checking "
                                "the individual case.",
                            },
                        },
                        {
                            "term": {
                                "de": "Ambiguitätstoleranz",
                                "en": "Tolerance of ambiguity",
                            },
                            "definition": {
                                "de": "Die Fähigkeit, unklare oder widersprüchliche "
                                "Situationen auszuhalten, ohne sie vorschnell "
                                "aufzulösen.",
                                "en": "The ability to cope with unclear or "
                                "contradictory situations without resolving them "
                                "too quickly.",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 2
        {
            "slug": {
                "de": "wahrnehmung-und-zuschreibung",
                "en": "perception-and-attribution",
            },
            "title": {
                "de": "Wahrnehmung und Zuschreibung",
                "en": "Perception and attribution",
            },
            "estimated_minutes": 30,
            "summary": {
                "de": "Wie schnelle Deutungen entstehen, was der fundamentale "
                "Attributionsfehler ist und wie das Modell Beschreiben – "
                "Interpretieren "
                "– Bewerten hilft.",
                "en": "How quick interpretations arise, what the fundamental "
                "attribution error is and how the describe – interpret – evaluate "
                "model helps.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Wir sehen nie alles</h2>"
                            "<p>Wahrnehmung ist selektiv: Aus einer Fülle von "
                            "Eindrücken wählen wir aus, ordnen ein und ergänzen "
                            "Fehlendes aus Erfahrung. Das ist im Alltag nützlich, "
                            "führt aber in ungewohnten Situationen leicht zu "
                            "Fehldeutungen.</p>"
                            "<p>Die Sozialpsychologie beschreibt eine typische "
                            "Verzerrung, den <strong>fundamentalen "
                            "Attributionsfehler</strong> (Lee Ross, 1977): Wir "
                            "erklären das Verhalten anderer eher mit ihrer Person "
                            "(„unzuverlässig“, „desinteressiert“) und unterschätzen "
                            "die Umstände (ein Brief kam zu spät, die Kinderbetreuung "
                            "fiel aus). Unser eigenes Verhalten erklären wir dagegen "
                            "gern mit den Umständen. Wird die Zuschreibung auf eine "
                            "ganze Gruppe übertragen („die sind eben so“), entstehen "
                            "Stereotype.</p>"
                        ),
                        "en": (
                            "<h2>We never see everything</h2>"
                            "<p>Perception is selective: from a wealth of "
                            "impressions we choose, classify and fill in what is "
                            "missing from experience. That is useful in everyday "
                            "life, but in unfamiliar situations it easily leads to "
                            "misinterpretation.</p>"
                            "<p>Social psychology describes a typical bias, the "
                            "<strong>fundamental attribution error</strong> (Lee "
                            "Ross, 1977): we tend to explain other people's "
                            "behaviour by their person (“unreliable”, "
                            "“uninterested”) and underestimate the circumstances (a "
                            "letter arrived late, childcare fell through). Our own "
                            "behaviour, by contrast, we like to explain by "
                            "circumstances. When the attribution is extended to a "
                            "whole group (“that's just how they are”), stereotypes "
                            "arise.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Beschreiben – Interpretieren – Bewerten",
                        "en": "Describe – interpret – evaluate",
                    },
                    "body": {
                        "de": (
                            "<p>Trennen Sie drei Schritte bewusst: <strong>Beschreiben"
                            "</strong> Sie zuerst nur, was Sie beobachtet haben („Herr "
                            "A. ist zum Termin am 4. nicht erschienen“). "
                            "<strong>Interpretieren</strong> Sie dann und suchen Sie "
                            "mindestens drei mögliche Erklärungen. "
                            "<strong>Bewerten</strong> Sie erst zuletzt – und erst, "
                            "wenn Sie nachgefragt haben.</p>"
                        ),
                        "en": (
                            "<p>Consciously separate three steps. First "
                            "<strong>describe</strong> only what you observed (“Mr A. "
                            "did not come to the appointment on the 4th”). Then "
                            "<strong>interpret</strong>, looking for at least three "
                            "possible explanations. <strong>Evaluate</strong> only at "
                            "the end – and only after you have asked.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "title": {
                        "de": "Der verpasste Termin",
                        "en": "The missed appointment",
                    },
                    "situation": {
                        "de": (
                            "<p>Herr A., 38 Jahre, lebt seit einem Jahr in "
                            "Deutschland und ist beim Jobcenter gemeldet. Nach einem "
                            "freundlichen Erstgespräch erhält er per Post eine "
                            "Einladung zu einem zweiten Termin. Das Schreiben ist "
                            "zwei Seiten lang, enthält eine Rechtsfolgenbelehrung "
                            "und ist nur auf Deutsch. Herr A. wohnt in einer "
                            "Gemeinschaftsunterkunft, in der die Post zentral "
                            "verteilt wird. Im Erstgespräch war von einem Folgetermin "
                            "noch keine Rede. Er erscheint nicht. Eine Kollegin "
                            "meint: „Mit Terminen nehmen sie es dort, wo er herkommt, "
                            "eben nicht so genau.“</p>"
                        ),
                        "en": (
                            "<p>Mr A., 38, has lived in Germany for a year and is "
                            "registered with the Jobcenter. After a friendly first "
                            "meeting he receives an invitation to a second "
                            "appointment by post. The letter is two pages long, "
                            "contains a notice of legal consequences and is only in "
                            "German. Mr A. lives in shared accommodation where post "
                            "is handed out centrally. A follow-up appointment was not "
                            "mentioned at the first meeting. He does not come. A "
                            "colleague "
                            "says: “Where he comes from, they just aren't so "
                            "particular about appointments.”</p>"
                        ),
                    },
                    "question": {
                        "de": "Welche Erklärung ist am plausibelsten – und was "
                        "sollten Sie als Nächstes tun?",
                        "en": "Which explanation is the most plausible – and what "
                        "should you do next?",
                    },
                    "options": [
                        {
                            "text": {
                                "de": "In seinem Herkunftsland haben Termine eine "
                                "geringere Verbindlichkeit.",
                                "en": "In his country of origin appointments are "
                                "less binding.",
                            },
                            "feedback": {
                                "de": "Diese Deutung kulturalisiert: Sie schließt "
                                "von einer Herkunft auf einen Menschen, ohne dass "
                                "etwas darauf hinweist. Zum Erstgespräch ist Herr A. "
                                "gekommen. Prüfen Sie zuerst die Umstände.",
                                "en": "This interpretation culturalises: it infers "
                                "something about a person from an origin, with "
                                "nothing pointing to it. Mr A. did come to the first "
                                "meeting. Check the circumstances first.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Der Brief hat ihn nicht oder zu spät erreicht, "
                                "oder er hat nicht verstanden, dass es sich um einen "
                                "verbindlichen Termin handelt.",
                                "en": "The letter did not reach him, or reached him "
                                "too late, or he did not understand that it was a "
                                "binding appointment.",
                            },
                            "feedback": {
                                "de": "Am plausibelsten. Zentrale Postverteilung, "
                                "ein langes Schreiben in Verwaltungssprache und "
                                "keine mündliche Ankündigung im Erstgespräch sind "
                                "typische Ursachen. Nehmen Sie Kontakt auf, klären "
                                "Sie, ob und wann der Brief ankam, und kündigen Sie "
                                "künftige Termine auch mündlich und in einfacher "
                                "Sprache an.",
                                "en": "The most plausible. Central post "
                                "distribution, a long letter in bureaucratic "
                                "language and no spoken announcement at the first "
                                "meeting are typical causes. Get in touch, find out "
                                "whether and when the letter arrived, and announce "
                                "future appointments orally and in plain language "
                                "too.",
                            },
                            "is_best": True,
                        },
                        {
                            "text": {
                                "de": "Herr A. hat kein Interesse an einer Arbeit.",
                                "en": "Mr A. is not interested in work.",
                            },
                            "feedback": {
                                "de": "Das ist ein typischer fundamentaler "
                                "Attributionsfehler: Ein einzelnes Verhalten wird "
                                "als Eigenschaft der Person gedeutet. Nichts im "
                                "Fall stützt das; das Erstgespräch verlief "
                                "freundlich.",
                                "en": "That is a typical fundamental attribution "
                                "error: a single behaviour is read as a trait of "
                                "the person. Nothing in the case supports it; the "
                                "first meeting was friendly.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Er wollte die Rechtsfolgen bewusst testen.",
                                "en": "He wanted to test the legal consequences "
                                "on purpose.",
                            },
                            "feedback": {
                                "de": "Eine Unterstellung ohne Anhaltspunkt. Wer "
                                "eine Rechtsfolgenbelehrung nicht versteht, kann "
                                "sie auch nicht bewusst testen. Klären Sie zuerst, "
                                "was Herr A. vom Schreiben verstanden hat.",
                                "en": "An accusation without any evidence. Someone "
                                "who does not understand a notice of legal "
                                "consequences cannot test it on purpose. First find "
                                "out what Mr A. understood of the letter.",
                            },
                            "is_best": False,
                        },
                    ],
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Erinnern Sie sich an eine Situation, in der Sie das "
                            "Verhalten einer Kundin oder eines Kunden schnell "
                            "erklärt haben. Beschreiben Sie sie jetzt nur mit "
                            "Beobachtungen. Welche anderen Erklärungen – aus der "
                            "Situation, aus den Abläufen Ihrer Dienststelle – wären "
                            "ebenfalls möglich gewesen?"
                        ),
                        "en": (
                            "Recall a situation in which you quickly explained a "
                            "client's behaviour. Describe it now using only "
                            "observations. What other explanations – from the "
                            "situation, from your office's procedures – would also "
                            "have been possible?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {"de": "Attribution", "en": "Attribution"},
                            "definition": {
                                "de": "Die Zuschreibung von Ursachen für ein "
                                "Verhalten, entweder an die Person oder an die "
                                "Situation.",
                                "en": "Assigning causes to a behaviour, either to "
                                "the person or to the situation.",
                            },
                        },
                        {
                            "term": {
                                "de": "Fundamentaler Attributionsfehler",
                                "en": "Fundamental attribution error",
                            },
                            "definition": {
                                "de": "Die Neigung, bei anderen persönliche "
                                "Eigenschaften zu über- und situative Einflüsse zu "
                                "unterschätzen.",
                                "en": "The tendency to overestimate personal traits "
                                "and underestimate situational influences when "
                                "explaining other people's behaviour.",
                            },
                        },
                        {
                            "term": {
                                "de": "Ethnozentrismus",
                                "en": "Ethnocentrism",
                            },
                            "definition": {
                                "de": "Die eigenen Normen unbemerkt als Maßstab für "
                                "alle anderen nehmen.",
                                "en": "Unknowingly taking your own norms as the "
                                "yardstick for everyone else.",
                            },
                        },
                        {
                            "term": {
                                "de": "Critical Incident",
                                "en": "Critical incident",
                            },
                            "definition": {
                                "de": "Eine kurze, reale Situation, in der ein "
                                "Missverständnis entsteht; Ausgangspunkt für die "
                                "Suche nach möglichen Erklärungen.",
                                "en": "A short, real situation in which a "
                                "misunderstanding arises; a starting point for "
                                "looking for possible explanations.",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 3
        {
            "slug": {
                "de": "verstaendigung-in-der-beratung",
                "en": "communication-in-counselling",
            },
            "title": {
                "de": "Verständigung in der Beratung",
                "en": "Communication in counselling",
            },
            "estimated_minutes": 30,
            "summary": {
                "de": "Verständlich sprechen und schreiben, Verständnis prüfen und "
                "mit Sprachmittlung arbeiten.",
                "en": "Speaking and writing clearly, checking understanding and "
                "working with interpreters.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Verständlichkeit ist Teil der Beratung</h2>"
                            "<p>Die Amtssprache ist Deutsch (§ 19 SGB X). Zugleich "
                            "haben Sozialleistungsträger die Pflicht, zu beraten und "
                            "aufzuklären (§§ 13 bis 15 SGB I). Beides zusammen heißt: "
                            "Entscheidend ist, dass die Person versteht, was von ihr "
                            "erwartet wird und welche Rechte sie hat.</p>"
                            "<ul>"
                            "<li>Sprechen Sie in kurzen Sätzen, ein Gedanke pro Satz, "
                            "aktiv statt passiv.</li>"
                            "<li>Ersetzen Sie Fachwörter und Abkürzungen oder "
                            "erklären Sie sie beim ersten Gebrauch.</li>"
                            "<li>Halten Sie die nächsten Schritte schriftlich fest: "
                            "was, bis wann, wo, mit welchen Unterlagen.</li>"
                            "<li>Nutzen Sie Visualisierungen, zum Beispiel einen "
                            "Zeitstrahl oder ein ausgefülltes Musterformular.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<h2>Being understood is part of counselling</h2>"
                            "<p>The official language is German (§ 19 SGB X). At the "
                            "same time, social benefit agencies have a duty to "
                            "advise and inform (§§ 13 to 15 SGB I). Taken together "
                            "this means: what matters is that the person understands "
                            "what is expected of them and what rights they have.</p>"
                            "<ul>"
                            "<li>Speak in short sentences, one idea per sentence, "
                            "active rather than passive.</li>"
                            "<li>Replace technical terms and abbreviations, or "
                            "explain them the first time you use them.</li>"
                            "<li>Write down the next steps: what, by when, where, "
                            "with which documents.</li>"
                            "<li>Use visual aids, for example a timeline or a "
                            "completed sample form.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Verständnis prüfen statt abfragen",
                        "en": "Check understanding instead of asking for it",
                    },
                    "body": {
                        "de": (
                            "<p>Die Frage „Haben Sie alles verstanden?“ wird fast "
                            "immer mit Ja beantwortet – aus Höflichkeit, aus "
                            "Unsicherheit oder weil niemand vor der Person, die über "
                            "Leistungen entscheidet, unwissend wirken möchte. Bitten "
                            "Sie stattdessen: „Damit ich sicher bin, dass ich es gut "
                            "erklärt habe: Was machen Sie als Nächstes?“</p>"
                        ),
                        "en": (
                            "<p>The question “Did you understand everything?” is "
                            "almost always answered with yes – out of politeness, "
                            "out of uncertainty, or because nobody wants to appear "
                            "ignorant in front of the person who decides on their "
                            "benefits. Ask instead: “So that I can be sure I "
                            "explained it well: what will you do next?”</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Mit Sprachmittlung arbeiten</h2>"
                            "<p>Wenn eine Verständigung auf Deutsch nicht sicher "
                            "gelingt, arbeiten Sie mit Sprachmittlung. Viele "
                            "Dienststellen nutzen Dolmetsch- oder "
                            "Videodolmetschdienste; klären Sie die örtliche Regelung "
                            "und wie Sie sie kurzfristig buchen. Minderjährige Kinder "
                            "sollten nicht dolmetschen: Es überfordert sie und "
                            "verschiebt Rollen in der Familie.</p>"
                            "<p>Sprechen Sie im Gespräch die Kundin oder den Kunden "
                            "direkt an, nicht die dolmetschende Person, und "
                            "sprechen Sie in kurzen Abschnitten. Planen Sie mehr Zeit "
                            "ein – ein gedolmetschtes Gespräch dauert länger, und "
                            "diese Zeit ist gut investiert, wenn sie Folgetermine und "
                            "Widersprüche erspart.</p>"
                        ),
                        "en": (
                            "<h2>Working with interpreters</h2>"
                            "<p>If communication in German is not reliable, work "
                            "with an interpreter. Many offices use interpreting or "
                            "video interpreting services; find out the local "
                            "arrangements and how to book them at short notice. "
                            "Minor children should not interpret: it overburdens "
                            "them and shifts roles within the family.</p>"
                            "<p>During the conversation, address the client "
                            "directly, not the interpreter, and speak in short "
                            "sections. Allow more time – an interpreted conversation "
                            "takes longer, and that time is well invested if it "
                            "saves follow-up appointments and objections.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "title": {
                        "de": "Das Nicken",
                        "en": "The nod",
                    },
                    "situation": {
                        "de": (
                            "<p>Frau M. hat einen Beratungstermin mit 30 Minuten. "
                            "Ihr Berater ist in Verzug, weil der vorige Termin länger "
                            "gedauert hat. Er erklärt zügig auf Deutsch, welche "
                            "Bewerbungsbemühungen erwartet werden und welche "
                            "Nachweise bis wann einzureichen sind. Eine "
                            "Sprachmittlung ist nicht gebucht. Frau M. nickt "
                            "mehrmals, stellt keine Fragen und unterschreibt die "
                            "Vereinbarung. Drei Wochen später liegen keine Nachweise "
                            "vor.</p>"
                        ),
                        "en": (
                            "<p>Ms M. has a 30-minute counselling appointment. Her "
                            "adviser is running late because the previous "
                            "appointment overran. He explains quickly, in German, "
                            "which job-search activities are expected and which "
                            "proofs she has to hand in by when. No interpreter has "
                            "been booked. Ms M. nods several times, asks no questions "
                            "and signs the agreement. Three weeks later no proofs "
                            "have arrived.</p>"
                        ),
                    },
                    "question": {
                        "de": "Wie erklären Sie sich, dass keine Nachweise vorliegen?",
                        "en": "How do you explain that no proofs have arrived?",
                    },
                    "options": [
                        {
                            "text": {
                                "de": "Zustimmendes Nicken aus Höflichkeit ist in "
                                "ihrer Herkunftskultur üblich.",
                                "en": "Nodding in agreement out of politeness is "
                                "common in her culture of origin.",
                            },
                            "feedback": {
                                "de": "Nicken kann vieles bedeuten – „ich höre zu“, "
                                "„ich will Sie nicht aufhalten“. Das gilt für sehr "
                                "viele Menschen in einer Behördensituation. Die "
                                "Herkunft als Erklärung lenkt von den Bedingungen "
                                "des Gesprächs ab, die Sie ändern können.",
                                "en": "A nod can mean many things – “I'm "
                                "listening”, “I don't want to hold you up”. That is "
                                "true of a great many people in a situation with a "
                                "public authority. Origin as an explanation "
                                "distracts from the conditions of the conversation, "
                                "which you can change.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Zeitdruck, Fachsprache ohne Sprachmittlung und "
                                "die fehlende Verständnisprüfung haben dazu geführt, "
                                "dass sie die Erwartungen nicht verstanden hat.",
                                "en": "Time pressure, technical language without an "
                                "interpreter and no check of understanding meant "
                                "that she did not understand what was expected.",
                            },
                            "feedback": {
                                "de": "Am plausibelsten. Dazu kommt das Machtgefälle: "
                                "Wer von einer Entscheidung abhängt, fragt seltener "
                                "nach und unterschreibt eher. Abhilfe: mehr Zeit oder "
                                "ein Folgetermin, Sprachmittlung, eine schriftliche "
                                "Liste der nächsten Schritte in einfacher Sprache "
                                "und eine Wiedergabe mit eigenen Worten.",
                                "en": "The most plausible. Add the power gap: "
                                "someone who depends on a decision asks fewer "
                                "questions and is more likely to sign. Remedies: "
                                "more time or a follow-up appointment, an "
                                "interpreter, a written list of next steps in plain "
                                "language, and asking her to repeat them in her own "
                                "words.",
                            },
                            "is_best": True,
                        },
                        {
                            "text": {
                                "de": "Frau M. wollte von Anfang an nicht mitwirken.",
                                "en": "Ms M. never intended to cooperate.",
                            },
                            "feedback": {
                                "de": "Dafür gibt es keinen Hinweis; sie ist zum "
                                "Termin gekommen und hat unterschrieben. Die Deutung "
                                "verwechselt fehlendes Verstehen mit fehlendem "
                                "Willen.",
                                "en": "There is no sign of that; she came to the "
                                "appointment and signed. This reading mistakes a "
                                "lack of understanding for a lack of will.",
                            },
                            "is_best": False,
                        },
                    ],
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Nehmen Sie ein Standardschreiben Ihrer Dienststelle, "
                            "zum Beispiel eine Einladung oder eine Aufforderung zur "
                            "Mitwirkung. Welche drei Sätze müsste eine Person "
                            "unbedingt verstehen? Wie würden Sie diese Sätze im "
                            "Gespräch in einfacher Sprache sagen?"
                        ),
                        "en": (
                            "Take a standard letter from your office, for example "
                            "an invitation or a request to cooperate. Which three "
                            "sentences must a person absolutely understand? How "
                            "would you say these sentences in plain language in a "
                            "conversation?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {"de": "Sprachmittlung", "en": "Interpreting"},
                            "definition": {
                                "de": "Mündliche Übertragung zwischen Sprachen im "
                                "Gespräch, vor Ort, per Telefon oder Video.",
                                "en": "Oral transfer between languages during a "
                                "conversation, in person, by phone or by video.",
                            },
                        },
                        {
                            "term": {"de": "Einfache Sprache", "en": "Plain language"},
                            "definition": {
                                "de": "Gut verständliches Deutsch mit kurzen Sätzen "
                                "und erklärten Fachwörtern, ohne festes Regelwerk.",
                                "en": "Easily understood language with short "
                                "sentences and explained technical terms, without a "
                                "fixed set of rules.",
                            },
                        },
                        {
                            "term": {"de": "Leichte Sprache", "en": "Easy-to-read"},
                            "definition": {
                                "de": "Eine stark vereinfachte Form des Deutschen "
                                "mit festen Regeln, ursprünglich für Menschen mit "
                                "Lernschwierigkeiten entwickelt.",
                                "en": "A strongly simplified form of German with "
                                "fixed rules, originally developed for people with "
                                "learning difficulties.",
                            },
                        },
                        {
                            "term": {
                                "de": "Metakommunikation",
                                "en": "Metacommunication",
                            },
                            "definition": {
                                "de": "Das Sprechen über die Kommunikation selbst, "
                                "etwa: „Ich merke, ich habe sehr schnell gesprochen.“",
                                "en": "Talking about the communication itself, for "
                                "example: “I notice I've been speaking very fast.”",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 4
        {
            "slug": {
                "de": "macht-und-diskriminierung",
                "en": "power-and-discrimination",
            },
            "title": {
                "de": "Macht, Diskriminierung und Handlungssicherheit",
                "en": "Power, discrimination and confident practice",
            },
            "estimated_minutes": 35,
            "summary": {
                "de": "Wie das Machtgefälle zwischen Behörde und Kundschaft wirkt, was "
                "mittelbare und institutionelle Diskriminierung sind und wohin Sie "
                "verweisen können. Mit Abschlussquiz.",
                "en": "How the power gap between authority and client works, what "
                "indirect and institutional discrimination are and where you can "
                "refer people. With final quiz.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Ein Gespräch unter ungleichen Bedingungen</h2>"
                            "<p>Im Jobcenter und in der Agentur für Arbeit sitzen "
                            "sich keine gleichberechtigten Gesprächspartner gegenüber. "
                            "Die Behörde entscheidet über Leistungen, kann "
                            "Mitwirkung verlangen und Leistungen mindern; sie kennt "
                            "die Regeln und die Akte. Die Kundin oder der Kunde ist "
                            "auf die Entscheidung angewiesen und hat oft weniger "
                            "Informationen. Dieses Macht- und Informationsgefälle "
                            "prägt das Verhalten: Zurückhaltung, übertriebene "
                            "Zustimmung, Misstrauen oder Ärger sind häufig Reaktionen "
                            "auf die Situation – nicht Ausdruck einer Kultur.</p>"
                        ),
                        "en": (
                            "<h2>A conversation on unequal terms</h2>"
                            "<p>In a Jobcenter or employment agency the two people "
                            "at the desk are not equals. The authority decides on "
                            "benefits, can require cooperation and reduce benefits; "
                            "it knows the rules and the file. The client depends on "
                            "the decision and often has less information. This gap "
                            "in power and information shapes behaviour: reticence, "
                            "exaggerated agreement, mistrust or anger are often "
                            "reactions to the situation – not an expression of a "
                            "culture.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Diskriminierung erkennen</h2>"
                            "<p><strong>Unmittelbare Diskriminierung</strong> liegt "
                            "vor, wenn jemand wegen eines geschützten Merkmals "
                            "schlechter behandelt wird. <strong>Mittelbare "
                            "Diskriminierung</strong> entsteht, wenn eine scheinbar "
                            "neutrale Regel bestimmte Gruppen besonders benachteiligt "
                            "– etwa wenn Terminvergabe nur online und nur auf Deutsch "
                            "möglich ist. Von <strong>institutioneller "
                            "Diskriminierung</strong> spricht man, wenn solche "
                            "Benachteiligungen aus den Routinen einer Organisation "
                            "entstehen, auch ohne dass jemand sie beabsichtigt.</p>"
                            "<p>Rechtlich gilt für Behörden das Grundgesetz (Art. 3 "
                            "GG). Das Allgemeine Gleichbehandlungsgesetz (AGG) "
                            "regelt vor allem das Arbeitsleben und Alltagsgeschäfte; "
                            "für Sozialleistungen enthält § 33c SGB I ein eigenes "
                            "Benachteiligungsverbot.</p>"
                        ),
                        "en": (
                            "<h2>Recognising discrimination</h2>"
                            "<p><strong>Direct discrimination</strong> occurs when "
                            "someone is treated less favourably because of a "
                            "protected characteristic. <strong>Indirect "
                            "discrimination</strong> arises when an apparently "
                            "neutral rule puts certain groups at a particular "
                            "disadvantage – for example when appointments can only "
                            "be booked online and only in German. "
                            "<strong>Institutional discrimination</strong> describes "
                            "disadvantage that arises from an organisation's "
                            "routines, even if nobody intends it.</p>"
                            "<p>Legally, public authorities are bound by the Basic "
                            "Law (Art. 3 GG). The General Equal Treatment Act (AGG) "
                            "mainly covers working life and everyday transactions; "
                            "for social benefits, § 33c SGB I contains its own "
                            "prohibition of discrimination.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "§ 33c SGB I – Benachteiligungsverbot",
                        "en": "§ 33c SGB I – prohibition of discrimination",
                    },
                    "body": {
                        "de": (
                            "<p>Bei der Inanspruchnahme sozialer Rechte darf niemand "
                            "aus Gründen der Rasse, wegen der ethnischen Herkunft "
                            "oder einer Behinderung benachteiligt werden. Das betrifft "
                            "nicht nur Entscheidungen, sondern auch den Zugang: "
                            "Informationen, Termine und Formulare.</p>"
                        ),
                        "en": (
                            "<p>When claiming social rights, nobody may be "
                            "disadvantaged on grounds of race, ethnic origin or "
                            "disability. This concerns not only decisions but also "
                            "access: information, appointments and forms.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "title": {
                        "de": "Die laute Beschwerde",
                        "en": "The loud complaint",
                    },
                    "situation": {
                        "de": (
                            "<p>Herr K. kommt ohne Termin an den Empfang und "
                            "beschwert sich laut: Sein Weiterbewilligungsantrag liege "
                            "seit Wochen unbearbeitet, die Miete sei überfällig. Er "
                            "hat die angeforderten Unterlagen nach eigener Aussage "
                            "zweimal eingereicht. Am Empfang ist heute nur eine "
                            "Person, die Warteschlange ist lang. Später heißt es im "
                            "Team: „Der war aggressiv – typisch.“</p>"
                        ),
                        "en": (
                            "<p>Mr K. comes to reception without an appointment and "
                            "complains loudly: his application for continued "
                            "benefits has been pending for weeks and his rent is "
                            "overdue. By his account, he has handed in the requested "
                            "documents twice. Only one person is on reception today "
                            "and the queue is long. Later someone in the team says: "
                            "“He was aggressive – typical.”</p>"
                        ),
                    },
                    "question": {
                        "de": "Was erklärt die Situation am besten?",
                        "en": "What best explains the situation?",
                    },
                    "options": [
                        {
                            "text": {
                                "de": "Menschen aus seiner Herkunftsregion treten "
                                "eben fordernd auf.",
                                "en": "People from his region of origin are simply "
                                "demanding.",
                            },
                            "feedback": {
                                "de": "Ein Stereotyp, das das Verhalten einer ganzen "
                                "Gruppe zuschreibt. Es verhindert, dass die "
                                "eigentlichen Ursachen – ein offener Antrag, "
                                "drohende Mietschulden – bearbeitet werden.",
                                "en": "A stereotype that attributes the behaviour "
                                "to a whole group. It prevents the real causes – an "
                                "open application, looming rent arrears – from being "
                                "dealt with.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Existenzielle Sorge, fehlende Information über "
                                "den Bearbeitungsstand und der Eindruck, dass "
                                "Unterlagen verloren gehen, haben die Situation "
                                "eskalieren lassen.",
                                "en": "Existential worry, missing information about "
                                "the processing status and the impression that "
                                "documents get lost made the situation escalate.",
                            },
                            "feedback": {
                                "de": "Am plausibelsten. Ärger ist hier eine "
                                "nachvollziehbare Reaktion auf Abhängigkeit und "
                                "Ungewissheit. Hilfreich: den Bearbeitungsstand "
                                "klären, den Eingang der Unterlagen bestätigen, "
                                "eine verbindliche Ansprechperson und einen "
                                "nächsten Schritt nennen. Grenzen dürfen Sie "
                                "trotzdem setzen – sachlich und ohne Zuschreibung.",
                                "en": "The most plausible. Anger here is an "
                                "understandable reaction to dependency and "
                                "uncertainty. Helpful: clarify the processing "
                                "status, confirm receipt of the documents, name a "
                                "contact person and a next step. You may still set "
                                "limits – factually and without attributions.",
                            },
                            "is_best": True,
                        },
                        {
                            "text": {
                                "de": "Herr K. will durch Lautstärke eine "
                                "bevorzugte Behandlung erreichen.",
                                "en": "Mr K. wants to get preferential treatment by "
                                "being loud.",
                            },
                            "feedback": {
                                "de": "Möglich, aber eine Unterstellung, solange die "
                                "offenen Fragen nicht geklärt sind. Prüfen Sie "
                                "zuerst, ob seine Darstellung zutrifft.",
                                "en": "Possible, but an assumption as long as the "
                                "open questions have not been clarified. First "
                                "check whether his account is correct.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Er kennt die Abläufe nicht und hätte einen "
                                "Termin vereinbaren müssen.",
                                "en": "He doesn't know the procedures and should "
                                "have made an appointment.",
                            },
                            "feedback": {
                                "de": "Teilweise richtig: Unklare Abläufe sind eine "
                                "Ursache. Die Verantwortung, Abläufe verständlich zu "
                                "machen und den Eingang von Unterlagen zu bestätigen, "
                                "liegt aber bei der Behörde.",
                                "en": "Partly right: unclear procedures are one "
                                "cause. But the responsibility for making procedures "
                                "understandable and confirming receipt of documents "
                                "lies with the authority.",
                            },
                            "is_best": False,
                        },
                    ],
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Handlungssicherheit im Alltag</h2>"
                            "<ul>"
                            "<li><strong>Gegenprobe:</strong> Würde ich bei einer "
                            "anderen Person genauso entscheiden und genauso "
                            "formulieren?</li>"
                            "<li><strong>Routinen prüfen:</strong> Welche unserer "
                            "Abläufe setzen Deutschkenntnisse, Internetzugang oder "
                            "Vorwissen voraus, die nicht alle haben?</li>"
                            "<li><strong>Transparenz:</strong> Erklären Sie "
                            "Entscheidungen, Fristen und Rechtsmittel und bestätigen "
                            "Sie den Eingang von Unterlagen.</li>"
                            "<li><strong>Verweisen:</strong> Migrationsberatung für "
                            "erwachsene Zugewanderte (MBE), Jugendmigrationsdienste "
                            "(JMD) und die Anerkennungs- und Qualifizierungsberatung "
                            "im Förderprogramm IQ unterstützen kostenlos.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<h2>Confident practice in everyday work</h2>"
                            "<ul>"
                            "<li><strong>Cross-check:</strong> Would I decide and "
                            "phrase it the same way for another person?</li>"
                            "<li><strong>Review routines:</strong> Which of our "
                            "procedures assume German skills, internet access or "
                            "prior knowledge that not everyone has?</li>"
                            "<li><strong>Transparency:</strong> Explain decisions, "
                            "deadlines and legal remedies, and confirm receipt of "
                            "documents.</li>"
                            "<li><strong>Refer:</strong> the migration advice "
                            "service for adult immigrants (MBE), the youth migration "
                            "services (JMD) and the recognition and qualification "
                            "counselling of the IQ programme offer support free of "
                            "charge.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Welche Routine in Ihrem Team könnte – ohne böse Absicht – "
                            "bestimmte Kundinnen und Kunden benachteiligen? Was "
                            "wäre ein erster kleiner Schritt, um das zu ändern, und "
                            "wen bräuchten Sie dafür?"
                        ),
                        "en": (
                            "Which routine in your team could – without any ill "
                            "intent – put certain clients at a disadvantage? What "
                            "would be a first small step to change it, and whom "
                            "would you need for it?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Machtasymmetrie",
                                "en": "Power asymmetry",
                            },
                            "definition": {
                                "de": "Ungleich verteilte Entscheidungsmacht und "
                                "Information zwischen Behörde und Kundschaft.",
                                "en": "Unequally distributed decision-making power "
                                "and information between authority and client.",
                            },
                        },
                        {
                            "term": {
                                "de": "Mittelbare Diskriminierung",
                                "en": "Indirect discrimination",
                            },
                            "definition": {
                                "de": "Benachteiligung durch scheinbar neutrale "
                                "Regeln, die bestimmte Gruppen besonders treffen.",
                                "en": "Disadvantage through apparently neutral rules "
                                "that particularly affect certain groups.",
                            },
                        },
                        {
                            "term": {
                                "de": "Institutionelle Diskriminierung",
                                "en": "Institutional discrimination",
                            },
                            "definition": {
                                "de": "Benachteiligung, die aus den Routinen und "
                                "Strukturen einer Organisation entsteht, auch ohne "
                                "Absicht Einzelner.",
                                "en": "Disadvantage arising from an organisation's "
                                "routines and structures, even without any "
                                "individual's intent.",
                            },
                        },
                        {
                            "term": {
                                "de": "Unbewusste Vorannahmen (Unconscious Bias)",
                                "en": "Unconscious bias",
                            },
                            "definition": {
                                "de": "Automatische, nicht bewusst gesteuerte "
                                "Bewertungen, die Entscheidungen beeinflussen können.",
                                "en": "Automatic evaluations, not consciously "
                                "controlled, that can influence decisions.",
                            },
                        },
                    ],
                },
            ],
            "quiz": {
                "slug": {"de": "abschlussquiz", "en": "final-quiz"},
                "title": {"de": "Abschlussquiz", "en": "Final quiz"},
                "intro": {
                    "de": "<p>Zehn Fragen zu allen Modulen. Zum Bestehen brauchen "
                    "Sie 70 % der Punkte; Sie haben drei Versuche.</p>",
                    "en": "<p>Ten questions covering all modules. You need 70 % of "
                    "the points to pass; you have three attempts.</p>",
                },
                "pass_mark_percent": 70,
                "max_attempts": 3,
                "review": "show_correct_answers",
                "questions": [
                    {
                        "type": "single_choice",
                        "prompt": {
                            "de": "Was bedeutet „Kulturalisierung“?",
                            "en": "What does “culturalisation” mean?",
                        },
                        "explanation": {
                            "de": "Kulturalisierung blendet Person und Situation aus "
                            "und erklärt alles mit der vermuteten Herkunft.",
                            "en": "Culturalisation ignores the person and the "
                            "situation and explains everything by presumed origin.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Verhalten allein mit der vermuteten "
                                    "Herkunftskultur erklären",
                                    "en": "Explaining behaviour solely by the "
                                    "presumed culture of origin",
                                },
                                "is_correct": True,
                                "feedback": {
                                    "de": "Richtig.",
                                    "en": "Correct.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Sich mit einer anderen Kultur gründlich "
                                    "beschäftigen",
                                    "en": "Studying another culture thoroughly",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Das ist Lernen, keine Kulturalisierung.",
                                    "en": "That is learning, not culturalisation.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Kulturangebote in der Beratung empfehlen",
                                    "en": "Recommending cultural activities in "
                                    "counselling",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Nein, der Begriff beschreibt eine "
                                    "Denkfalle.",
                                    "en": "No, the term describes a thinking trap.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": {
                            "de": "Jeder Mensch gehört genau einer Kultur an, "
                            "nämlich der seines Herkunftslandes.",
                            "en": "Every person belongs to exactly one culture, "
                            "that of their country of origin.",
                        },
                        "answer": False,
                        "explanation": {
                            "de": "Falsch. Menschen gehören vielen Gruppen zugleich "
                            "an – Beruf, Generation, Region, Familie, Organisation.",
                            "en": "False. People belong to many groups at once – "
                            "profession, generation, region, family, organisation.",
                        },
                    },
                    {
                        "type": "ordering",
                        "prompt": {
                            "de": "Sie möchten eine irritierende Situation nicht "
                            "vorschnell beurteilen. Bringen Sie die drei Schritte in "
                            "die richtige Reihenfolge.",
                            "en": "You want to avoid judging an irritating situation "
                            "too quickly. Put the three steps in the right order.",
                        },
                        "explanation": {
                            "de": "Erst beobachten und beschreiben, dann mehrere "
                            "Deutungen suchen, zuletzt bewerten.",
                            "en": "First observe and describe, then look for "
                            "several interpretations, evaluate last.",
                        },
                        "items": [
                            {"de": "Beschreiben", "en": "Describe"},
                            {"de": "Interpretieren", "en": "Interpret"},
                            {"de": "Bewerten", "en": "Evaluate"},
                        ],
                    },
                    {
                        "type": "fill_in_blank",
                        "prompt": {
                            "de": "Die Neigung, das Verhalten anderer mit ihrer "
                            "Person statt mit der Situation zu erklären, heißt "
                            "fundamentaler ___.",
                            "en": "The tendency to explain other people's behaviour "
                            "by their person rather than by the situation is called "
                            "the fundamental ___.",
                        },
                        "accepted": {
                            "de": ["Attributionsfehler", "Zuschreibungsfehler"],
                            "en": ["attribution error", "attribution bias"],
                        },
                        "explanation": {
                            "de": "Der Begriff geht auf Lee Ross (1977) zurück.",
                            "en": "The term goes back to Lee Ross (1977).",
                        },
                    },
                    {
                        "type": "multiple_choice",
                        "prompt": {
                            "de": "Welche Vorgehensweisen sichern Verständigung in "
                            "der Beratung? (Mehrere Antworten sind richtig.)",
                            "en": "Which practices make sure you are understood in "
                            "counselling? (Several answers are correct.)",
                        },
                        "explanation": {
                            "de": "Verständnis wird geprüft, nicht abgefragt; "
                            "Kinder sollten nicht dolmetschen.",
                            "en": "Understanding is checked, not asked for; children "
                            "should not interpret.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Die Person die nächsten Schritte in "
                                    "eigenen Worten wiedergeben lassen",
                                    "en": "Asking the person to repeat the next "
                                    "steps in their own words",
                                },
                                "is_correct": True,
                                "feedback": {
                                    "de": "Richtig – so prüfen Sie Verständnis.",
                                    "en": "Correct – this is how you check "
                                    "understanding.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Die nächsten Schritte schriftlich in "
                                    "einfacher Sprache mitgeben",
                                    "en": "Handing over the next steps in writing, "
                                    "in plain language",
                                },
                                "is_correct": True,
                                "feedback": {
                                    "de": "Richtig.",
                                    "en": "Correct.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Eine qualifizierte Sprachmittlung "
                                    "hinzuziehen",
                                    "en": "Bringing in a qualified interpreter",
                                },
                                "is_correct": True,
                                "feedback": {
                                    "de": "Richtig.",
                                    "en": "Correct.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Die minderjährige Tochter dolmetschen "
                                    "lassen",
                                    "en": "Letting the under-age daughter interpret",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Das überfordert Kinder und verschiebt "
                                    "Rollen in der Familie.",
                                    "en": "This overburdens children and shifts "
                                    "roles within the family.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Fragen: „Haben Sie alles verstanden?“",
                                    "en": "Asking: “Did you understand everything?”",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Diese Frage wird fast immer mit Ja "
                                    "beantwortet und prüft nichts.",
                                    "en": "This question is almost always answered "
                                    "with yes and checks nothing.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "matching",
                        "prompt": {
                            "de": "Ordnen Sie jedem Begriff die passende "
                            "Beschreibung zu.",
                            "en": "Match each term with its description.",
                        },
                        "explanation": {
                            "de": "Stereotype verallgemeinern, Vorurteile bewerten, "
                            "Diskriminierung benachteiligt tatsächlich.",
                            "en": "Stereotypes generalise, prejudices judge, "
                            "discrimination actually disadvantages.",
                        },
                        "pairs": [
                            {
                                "left": {"de": "Stereotyp", "en": "Stereotype"},
                                "right": {
                                    "de": "Verallgemeinernde Vorstellung über eine "
                                    "Gruppe",
                                    "en": "Generalising idea about a group",
                                },
                            },
                            {
                                "left": {"de": "Vorurteil", "en": "Prejudice"},
                                "right": {
                                    "de": "Ungeprüfte, meist negative Bewertung "
                                    "wegen der Gruppenzugehörigkeit",
                                    "en": "Unchecked, usually negative judgement "
                                    "based on group membership",
                                },
                            },
                            {
                                "left": {
                                    "de": "Mittelbare Diskriminierung",
                                    "en": "Indirect discrimination",
                                },
                                "right": {
                                    "de": "Neutrale Regel, die bestimmte Gruppen "
                                    "besonders benachteiligt",
                                    "en": "Neutral rule that particularly "
                                    "disadvantages certain groups",
                                },
                            },
                            {
                                "left": {
                                    "de": "Ambiguitätstoleranz",
                                    "en": "Tolerance of ambiguity",
                                },
                                "right": {
                                    "de": "Unklare Situationen aushalten, ohne sie "
                                    "vorschnell aufzulösen",
                                    "en": "Coping with unclear situations without "
                                    "resolving them too quickly",
                                },
                            },
                        ],
                    },
                    {
                        "type": "single_choice",
                        "prompt": {
                            "de": "Wovor schützt § 33c SGB I?",
                            "en": "What does § 33c SGB I protect against?",
                        },
                        "explanation": {
                            "de": "§ 33c SGB I verbietet Benachteiligung bei der "
                            "Inanspruchnahme sozialer Rechte aus Gründen der Rasse, "
                            "wegen der ethnischen Herkunft oder einer Behinderung.",
                            "en": "§ 33c SGB I prohibits disadvantage when claiming "
                            "social rights on grounds of race, ethnic origin or "
                            "disability.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Vor Benachteiligung bei der "
                                    "Inanspruchnahme sozialer Rechte",
                                    "en": "Against disadvantage when claiming "
                                    "social rights",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Vor Kündigung im Arbeitsverhältnis",
                                    "en": "Against dismissal from employment",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Das regelt das Arbeitsrecht, etwa das "
                                    "Kündigungsschutzgesetz.",
                                    "en": "That is governed by employment law, for "
                                    "example the Protection against Dismissal Act.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Vor zu langen Bearbeitungszeiten",
                                    "en": "Against long processing times",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Nein, die Vorschrift ist ein "
                                    "Benachteiligungsverbot.",
                                    "en": "No, the provision prohibits discrimination.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": {
                            "de": "Eine Regel, die für alle gleich gilt, kann "
                            "trotzdem bestimmte Gruppen benachteiligen.",
                            "en": "A rule that applies equally to everyone can "
                            "still disadvantage certain groups.",
                        },
                        "answer": True,
                        "explanation": {
                            "de": "Richtig – das ist mittelbare Diskriminierung, etwa "
                            "eine Terminvergabe nur online und nur auf Deutsch.",
                            "en": "True – that is indirect discrimination, for "
                            "example appointments that can only be booked online "
                            "and only in German.",
                        },
                    },
                    {
                        "type": "multiple_choice",
                        "prompt": {
                            "de": "Eine Kundin erscheint nicht zum Termin. Welche "
                            "situativen oder institutionellen Ursachen sollten Sie "
                            "prüfen? (Mehrere Antworten sind richtig.)",
                            "en": "A client does not come to an appointment. Which "
                            "situational or institutional causes should you check? "
                            "(Several answers are correct.)",
                        },
                        "explanation": {
                            "de": "Zustellung, Verständlichkeit und Lebensumstände "
                            "lassen sich prüfen; die „Mentalität“ eines Landes "
                            "erklärt das Verhalten einer Person nicht.",
                            "en": "Delivery, comprehensibility and living "
                            "circumstances can be checked; a country's “mentality” "
                            "does not explain one person's behaviour.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Ob und wann das Einladungsschreiben "
                                    "zugestellt wurde",
                                    "en": "Whether and when the invitation letter "
                                    "was delivered",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Ob das Schreiben verständlich war",
                                    "en": "Whether the letter was understandable",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Ob Kinderbetreuung oder Fahrtwege den "
                                    "Termin verhindert haben",
                                    "en": "Whether childcare or travel prevented "
                                    "the appointment",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Die „Mentalität“ ihres Herkunftslandes",
                                    "en": "The “mentality” of her country of origin",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Das ist Kulturalisierung, keine "
                                    "prüfbare Ursache.",
                                    "en": "That is culturalisation, not a cause you "
                                    "can check.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "fill_in_blank",
                        "prompt": {
                            "de": "Nach § 19 SGB X ist die Amtssprache ___.",
                            "en": "Under § 19 SGB X the official language is ___.",
                        },
                        "accepted": {
                            "de": ["Deutsch"],
                            "en": ["German"],
                        },
                        "explanation": {
                            "de": "Die Beratungspflicht bleibt trotzdem bestehen: Die "
                            "Person muss verstehen, was von ihr erwartet wird.",
                            "en": "The duty to advise still applies: the person must "
                            "understand what is expected of them.",
                        },
                    },
                ],
            },
        },
    ],
}
