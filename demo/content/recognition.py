"""Demo course 2: recognition of foreign professional qualifications, for employers.

Legal facts are stated at the level of certainty they deserve: where fees, amounts or
conditions change (fees of competent bodies, the federal recognition grant, residence
rules), the text points to the official sources instead of quoting figures.
"""

COURSE = {
    "slug": {
        "de": "anerkennung-berufsqualifikationen",
        "en": "recognition-qualifications",
    },
    "title": {
        "de": "Anerkennung ausländischer Berufsqualifikationen – was Arbeitgeber "
        "wissen sollten",
        "en": "Recognition of foreign professional qualifications – what employers "
        "should know",
    },
    "audience": "employers",
    "estimated_minutes": 150,
    "summary": {
        "de": (
            "Für Personalverantwortliche und Geschäftsführungen: wie das "
            "Anerkennungsverfahren funktioniert, welche Stelle zuständig ist, was ein "
            "Bescheid aussagt und wie Sie Fachkräfte aus dem Ausland mit dem "
            "beschleunigten Fachkräfteverfahren gewinnen."
        ),
        "en": (
            "For HR staff and managers: how the recognition procedure works, which "
            "body is responsible, what a notice tells you and how to recruit skilled "
            "workers from abroad with the accelerated procedure for skilled workers."
        ),
    },
    "intro": {
        "de": (
            "<p>Viele Bewerberinnen und Bewerber bringen eine Berufsausbildung oder "
            "ein Studium aus dem Ausland mit. Ob und wie dieser Abschluss in "
            "Deutschland anerkannt wird, entscheidet darüber, ob sie in ihrem Beruf "
            "arbeiten dürfen, wie Sie sie einsetzen und eingruppieren können und – "
            "bei Fachkräften aus Staaten außerhalb der EU – oft auch über den "
            "Aufenthaltstitel.</p>"
            "<p>Der Kurs erklärt die Grundbegriffe, das Verfahren und Ihre "
            "Möglichkeiten als Arbeitgeber, Bewerbende und Beschäftigte zu "
            "unterstützen. Rechtliche Einzelheiten ändern sich; prüfen Sie deshalb "
            "im konkreten Fall die offiziellen Quellen, vor allem das Portal "
            "anerkennung-in-deutschland.de, und nutzen Sie die kostenlose Beratung "
            "des Förderprogramms IQ.</p>"
        ),
        "en": (
            "<p>Many applicants bring a vocational qualification or a degree from "
            "abroad. Whether and how this qualification is recognised in Germany "
            "determines whether they may work in their profession, how you can "
            "deploy them and place them on a pay scale and – for skilled workers "
            "from outside the EU – often also their residence permit.</p>"
            "<p>The course explains the basic terms, the procedure and how you as an "
            "employer can support applicants and employees. Legal details change; "
            "in a specific case, check the official sources, above all the portal "
            "anerkennung-in-deutschland.de, and use the free counselling of the IQ "
            "programme.</p>"
        ),
    },
    "learning_objectives": [
        {
            "de": "Sie unterscheiden reglementierte und nicht reglementierte Berufe "
            "und wissen, was daraus für die Beschäftigung folgt.",
            "en": "You can tell regulated from non-regulated professions and know "
            "what follows for employment.",
        },
        {
            "de": "Sie finden mit dem Anerkennungs-Finder den Referenzberuf und die "
            "zuständige Stelle.",
            "en": "You use the Recognition Finder to find the reference occupation "
            "and the competent body.",
        },
        {
            "de": "Sie können einen Bescheid über volle oder teilweise "
            "Gleichwertigkeit lesen und eine Anpassungsqualifizierung planen.",
            "en": "You can read a notice of full or partial equivalence and plan an "
            "adaptation qualification.",
        },
        {
            "de": "Sie kennen das beschleunigte Fachkräfteverfahren nach § 81a "
            "AufenthG und Ihre Rolle darin.",
            "en": "You know the accelerated procedure for skilled workers under "
            "§ 81a AufenthG and your role in it.",
        },
    ],
    "modules": [
        # ------------------------------------------------------------------ 1
        {
            "slug": {"de": "grundlagen", "en": "basics"},
            "title": {
                "de": "Warum Anerkennung zählt – die Grundlagen",
                "en": "Why recognition matters – the basics",
            },
            "estimated_minutes": 25,
            "summary": {
                "de": "Was Anerkennung bedeutet, welche Gesetze sie regeln und was "
                "Sie als Arbeitgeber davon haben.",
                "en": "What recognition means, which laws govern it and what you "
                "gain from it as an employer.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Was „Anerkennung“ bedeutet</h2>"
                            "<p>Bei der beruflichen Anerkennung prüft eine zuständige "
                            "Stelle, ob ein im Ausland erworbener Berufsabschluss "
                            "einem deutschen Abschluss gleichwertig ist. "
                            "Vergleichsmaßstab ist ein deutscher "
                            "<strong>Referenzberuf</strong>, etwa "
                            "Elektroniker/-in, Kaufmann/-frau für Büromanagement oder "
                            "Pflegefachfrau/-mann. Geprüft werden Inhalt und Dauer "
                            "der Ausbildung; einschlägige Berufserfahrung und "
                            "sonstige Befähigungsnachweise können Unterschiede "
                            "ausgleichen.</p>"
                            "<p>Grundlage für die bundesrechtlich geregelten Berufe "
                            "ist seit dem 1. April 2012 das "
                            "<strong>Berufsqualifikationsfeststellungsgesetz "
                            "(BQFG)</strong>, Kern des sogenannten "
                            "Anerkennungsgesetzes des Bundes. Für Berufe, die die "
                            "Länder regeln – zum Beispiel Lehrkräfte oder "
                            "Erzieherinnen "
                            "und Erzieher –, gelten Anerkennungsgesetze der "
                            "Länder. Für viele reglementierte Berufe wie Ärztin und "
                            "Arzt enthalten die jeweiligen Berufsgesetze eigene "
                            "Regeln.</p>"
                        ),
                        "en": (
                            "<h2>What “recognition” means</h2>"
                            "<p>In professional recognition, a competent body checks "
                            "whether a vocational or professional qualification "
                            "obtained abroad is equivalent to a German one. The "
                            "benchmark is a German <strong>reference "
                            "occupation</strong>, such as electronics technician, "
                            "office management clerk or nurse. The body compares the "
                            "content and duration of the training; relevant work "
                            "experience and other proofs of competence can make up "
                            "for differences.</p>"
                            "<p>For occupations regulated by federal law, the basis "
                            "since 1 April 2012 has been the <strong>Professional "
                            "Qualifications Assessment Act "
                            "(Berufsqualifikationsfeststellungsgesetz, BQFG)</strong>, "
                            "the core of the federal Recognition Act. For "
                            "occupations regulated by the federal states – for "
                            "example teachers or early-years educators – the states' "
                            "recognition acts apply. Many regulated professions such "
                            "as doctors have their own rules in the relevant "
                            "professional laws.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Offen für alle – unabhängig von der Staatsangehörigkeit",
                        "en": "Open to all – regardless of nationality",
                    },
                    "body": {
                        "de": (
                            "<p>Einen Antrag auf Anerkennung kann jede Person mit "
                            "einem ausländischen Berufsabschluss stellen – unabhängig "
                            "von Staatsangehörigkeit und Aufenthaltsstatus, und auch "
                            "schon vom Ausland aus. Voraussetzung ist, dass sie in "
                            "Deutschland in ihrem Beruf arbeiten möchte.</p>"
                        ),
                        "en": (
                            "<p>Anyone with a foreign professional qualification can "
                            "apply for recognition – regardless of nationality and "
                            "residence status, and also from abroad. The condition is "
                            "that they intend to work in their profession in "
                            "Germany.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Was Arbeitgeber davon haben</h2>"
                            "<ul>"
                            "<li><strong>Transparenz:</strong> Der Bescheid "
                            "beschreibt, welche Qualifikationen vorhanden sind – eine "
                            "verlässliche Grundlage für Einstellung und Einsatz.</li>"
                            "<li><strong>Eingruppierung:</strong> Ein als voll "
                            "gleichwertig anerkannter Abschluss ist dem deutschen "
                            "Abschluss rechtlich gleichgestellt – das schafft "
                            "Klarheit, etwa wenn ein Tarifvertrag einen bestimmten "
                            "Abschluss voraussetzt.</li>"
                            "<li><strong>Personalentwicklung:</strong> Ein Bescheid "
                            "über teilweise Gleichwertigkeit zeigt genau, welche "
                            "Inhalte noch fehlen.</li>"
                            "<li><strong>Aufenthalt:</strong> Für Fachkräfte aus "
                            "Drittstaaten ist die Anerkennung häufig Voraussetzung "
                            "für den Aufenthaltstitel zur Beschäftigung.</li>"
                            "</ul>"
                            "<p>Hochschulabschlüsse, die nicht zu einem "
                            "reglementierten Beruf führen, werden nicht nach dem "
                            "BQFG anerkannt. Hier stellt die Zentralstelle für "
                            "ausländisches Bildungswesen (ZAB) auf Antrag eine "
                            "Zeugnisbewertung aus, die den Abschluss beschreibt und "
                            "einordnet.</p>"
                        ),
                        "en": (
                            "<h2>What employers gain</h2>"
                            "<ul>"
                            "<li><strong>Transparency:</strong> the notice describes "
                            "which qualifications are there – a reliable basis for "
                            "hiring and deployment.</li>"
                            "<li><strong>Pay grading:</strong> a qualification "
                            "recognised as fully equivalent has the same legal "
                            "standing as the German one – which brings clarity, for "
                            "example when a collective agreement requires a specific "
                            "qualification.</li>"
                            "<li><strong>Staff development:</strong> a notice of "
                            "partial equivalence shows exactly which content is "
                            "still missing.</li>"
                            "<li><strong>Residence:</strong> for skilled workers from "
                            "non-EU countries, recognition is often a requirement "
                            "for a residence permit for employment.</li>"
                            "</ul>"
                            "<p>University degrees that do not lead to a regulated "
                            "profession are not recognised under the BQFG. For "
                            "these, the Central Office for Foreign Education (ZAB) "
                            "issues, on application, a statement of comparability "
                            "that describes and classifies the degree.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Wie gehen Sie heute mit Bewerbungen um, denen ein "
                            "ausländisches Zeugnis beiliegt? Wer in Ihrem Betrieb "
                            "entscheidet, ob der Abschluss „passt“, und auf welcher "
                            "Grundlage?"
                        ),
                        "en": (
                            "How do you currently handle applications that include "
                            "a foreign certificate? Who in your company decides "
                            "whether the qualification “fits”, and on what basis?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Anerkennung",
                                "en": "Recognition",
                            },
                            "definition": {
                                "de": "Behördliche Feststellung, ob ein ausländischer "
                                "Berufsabschluss einem deutschen gleichwertig ist.",
                                "en": "An official finding on whether a foreign "
                                "qualification is equivalent to a German one.",
                            },
                        },
                        {
                            "term": {
                                "de": "Referenzberuf",
                                "en": "Reference occupation",
                            },
                            "definition": {
                                "de": "Der deutsche Beruf, mit dem der ausländische "
                                "Abschluss verglichen wird.",
                                "en": "The German occupation with which the foreign "
                                "qualification is compared.",
                            },
                        },
                        {
                            "term": {"de": "BQFG", "en": "BQFG"},
                            "definition": {
                                "de": "Berufsqualifikationsfeststellungsgesetz, seit "
                                "1. April 2012 in Kraft; regelt die Anerkennung in "
                                "bundesrechtlich geregelten Berufen, soweit "
                                "Fachgesetze nichts anderes bestimmen.",
                                "en": "Professional Qualifications Assessment Act, "
                                "in force since 1 April 2012; governs recognition in "
                                "occupations regulated by federal law unless "
                                "specific professional laws provide otherwise.",
                            },
                        },
                        {
                            "term": {"de": "ZAB", "en": "ZAB"},
                            "definition": {
                                "de": "Zentralstelle für ausländisches Bildungswesen; "
                                "bewertet ausländische Hochschulabschlüsse, die "
                                "nicht zu einem reglementierten Beruf führen.",
                                "en": "Central Office for Foreign Education; "
                                "assesses foreign university degrees that do not "
                                "lead to a regulated profession.",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 2
        {
            "slug": {"de": "reglementiert-oder-nicht", "en": "regulated-or-not"},
            "title": {
                "de": "Reglementiert oder nicht? Referenzberuf und zuständige Stelle",
                "en": "Regulated or not? Reference occupation and competent body",
            },
            "estimated_minutes": 30,
            "summary": {
                "de": "Warum die Unterscheidung entscheidend ist und wie Sie mit dem "
                "Anerkennungs-Finder die zuständige Stelle finden.",
                "en": "Why the distinction is crucial and how to find the competent "
                "body with the Recognition Finder.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Reglementierte Berufe</h2>"
                            "<p>In einem <strong>reglementierten Beruf</strong> ist "
                            "die Berufsausübung oder das Führen der Berufsbezeichnung "
                            "durch Rechts- oder Verwaltungsvorschriften an einen "
                            "bestimmten Abschluss gebunden. Beispiele sind Ärztin und "
                            "Arzt, Apothekerin und Apotheker, Pflegefachfrau und "
                            "Pflegefachmann, Lehrkräfte an staatlichen Schulen und "
                            "Erzieherinnen und Erzieher. Hier ist die Anerkennung "
                            "<strong>Pflicht</strong>: Ohne sie darf die Person "
                            "nicht in diesem Beruf arbeiten bzw. die Bezeichnung "
                            "nicht führen.</p>"
                            "<h2>Nicht reglementierte Berufe</h2>"
                            "<p>Die meisten Ausbildungsberufe des dualen Systems sind "
                            "<strong>nicht reglementiert</strong>, zum Beispiel "
                            "Koch/Köchin, Kaufmann/-frau im Einzelhandel oder "
                            "Industriemechaniker/-in. Hier kann man auch ohne "
                            "Anerkennung arbeiten; sie ist aber hilfreich für "
                            "Bewerbung, Eingruppierung und Weiterbildung. Für "
                            "Fachkräfte aus Drittstaaten kann sie außerdem für den "
                            "Aufenthaltstitel erforderlich sein.</p>"
                        ),
                        "en": (
                            "<h2>Regulated professions</h2>"
                            "<p>In a <strong>regulated profession</strong>, "
                            "practising the profession or using the professional "
                            "title is tied by law or regulation to a specific "
                            "qualification. Examples are doctors, pharmacists, "
                            "nurses, teachers at state schools and early-years "
                            "educators. Here recognition is <strong>mandatory"
                            "</strong>: without it, the person may not work in this "
                            "profession or use the title.</p>"
                            "<h2>Non-regulated professions</h2>"
                            "<p>Most occupations of the dual vocational training "
                            "system are <strong>not regulated</strong>, for example "
                            "cook, retail salesperson or industrial mechanic. Here "
                            "people can work without recognition; it is however "
                            "helpful for applications, pay grading and further "
                            "training. For skilled workers from non-EU countries it "
                            "may also be required for the residence permit.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Der Anerkennungs-Finder",
                        "en": "The Recognition Finder",
                    },
                    "body": {
                        "de": (
                            "<p>Auf dem offiziellen Portal der Bundesregierung "
                            '<a href="https://www.anerkennung-in-deutschland.de">'
                            "anerkennung-in-deutschland.de</a> ermittelt der "
                            "Anerkennungs-Finder aus Beruf und geplantem Arbeitsort "
                            "den Referenzberuf, ob der Beruf reglementiert ist, die "
                            "zuständige Stelle und die nötigen Unterlagen. Das "
                            "Portal ist in mehreren Sprachen verfügbar.</p>"
                        ),
                        "en": (
                            "<p>On the federal government's official portal "
                            '<a href="https://www.anerkennung-in-deutschland.de">'
                            "anerkennung-in-deutschland.de</a>, the Recognition "
                            "Finder uses the occupation and the planned place of "
                            "work to find the reference occupation, whether the "
                            "occupation is regulated, the competent body and the "
                            "documents required. The portal is available in several "
                            "languages.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Wer ist zuständig?</h2>"
                            "<p>Die zuständige Stelle hängt vom Referenzberuf und oft "
                            "vom Bundesland ab:</p>"
                            "<ul>"
                            "<li><strong>IHK-Berufe</strong> (Industrie, Handel, "
                            "Gastronomie, Dienstleistungen): in der Regel die IHK "
                            "FOSA (Foreign Skills Approval) in Nürnberg, das "
                            "zentrale "
                            "Kompetenzzentrum der Industrie- und Handelskammern.</li>"
                            "<li><strong>Handwerksberufe:</strong> die "
                            "Handwerkskammern.</li>"
                            "<li><strong>Reglementierte Berufe</strong> wie Heil- und "
                            "Gesundheitsberufe oder Lehrkräfte: in der Regel "
                            "Behörden der Länder.</li>"
                            "<li><strong>Weitere Kammerberufe</strong>, etwa in der "
                            "Landwirtschaft oder bei Freien Berufen: die jeweiligen "
                            "Kammern.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<h2>Who is responsible?</h2>"
                            "<p>The competent body depends on the reference "
                            "occupation and often on the federal state:</p>"
                            "<ul>"
                            "<li><strong>IHK occupations</strong> (industry, trade, "
                            "hospitality, services): usually IHK FOSA (Foreign "
                            "Skills Approval) in Nuremberg, the central competence "
                            "centre "
                            "of the chambers of industry and commerce.</li>"
                            "<li><strong>Craft occupations:</strong> the chambers "
                            "of crafts (Handwerkskammern).</li>"
                            "<li><strong>Regulated professions</strong> such as "
                            "medical and health professions or teachers: usually "
                            "authorities of the federal states.</li>"
                            "<li><strong>Other chamber occupations</strong>, for "
                            "example in agriculture or the liberal professions: the "
                            "respective chambers.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "title": {
                        "de": "Die Bewerbung, die im Sande verlief",
                        "en": "The application that fizzled out",
                    },
                    "situation": {
                        "de": (
                            "<p>Ein Logistikunternehmen sucht eine Fachkraft für "
                            "Lagerlogistik. Frau S. lebt seit drei Jahren in "
                            "Deutschland, darf hier arbeiten und bewirbt sich mit "
                            "einem ausländischen Berufsabschluss und mehreren Jahren "
                            "Berufserfahrung. Die Personalabteilung antwortet mit "
                            "einer Standard-E-Mail: „Bitte reichen Sie die "
                            "Anerkennung Ihres Abschlusses ein, bevor wir Sie zu einem "
                            "Gespräch einladen.“ Frau S. meldet sich nicht mehr. Im "
                            "Team heißt es: „Dann war sie wohl doch nicht so "
                            "qualifiziert.“</p>"
                        ),
                        "en": (
                            "<p>A logistics company is looking for a warehouse "
                            "logistics specialist. Ms S. has lived in Germany for "
                            "three years, is allowed to work here and applies with a "
                            "foreign vocational qualification and several years of "
                            "work experience. HR replies with a standard email: "
                            "“Please submit the recognition of your qualification "
                            "before we invite you to an interview.” Ms S. does not get "
                            "back in touch. In the team someone says: “So she wasn't "
                            "that qualified after all.”</p>"
                        ),
                    },
                    "question": {
                        "de": "Wie erklären Sie sich, dass Frau S. nicht mehr "
                        "reagiert?",
                        "en": "How do you explain that Ms S. no longer responds?",
                    },
                    "options": [
                        {
                            "text": {
                                "de": "Sie hat gemerkt, dass ihr Abschluss nicht "
                                "ausreicht.",
                                "en": "She realised that her qualification is not "
                                "good enough.",
                            },
                            "feedback": {
                                "de": "Dafür gibt es keinen Hinweis – ihre "
                                "Qualifikation wurde nie geprüft, weder vom Betrieb "
                                "noch von einer zuständigen Stelle.",
                                "en": "There is no sign of that – her qualification "
                                "was never assessed, neither by the company nor by a "
                                "competent body.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Die Anforderung war für einen nicht "
                                "reglementierten Beruf nicht nötig und nannte weder "
                                "Stelle noch Dauer noch Kosten des Verfahrens – für "
                                "sie eine hohe Hürde ohne Aussicht auf das Gespräch.",
                                "en": "The requirement was not necessary for a "
                                "non-regulated occupation and named neither the "
                                "body, nor the duration, nor the costs of the "
                                "procedure – a high hurdle for her with no prospect "
                                "of an interview.",
                            },
                            "feedback": {
                                "de": "Am plausibelsten. Fachkraft für Lagerlogistik "
                                "ist nicht reglementiert; ein Gespräch ist ohne "
                                "Anerkennung möglich. Besser: einladen, die "
                                "Qualifikation im Gespräch und bei einer Probearbeit "
                                "kennenlernen und auf den Anerkennungs-Finder und die "
                                "kostenlose IQ-Beratung hinweisen.",
                                "en": "The most plausible. Warehouse logistics "
                                "specialist is not a regulated occupation; an "
                                "interview is possible without recognition. Better: "
                                "invite her, get to know her qualification in the "
                                "interview and through trial work, and point her to "
                                "the Recognition Finder and the free IQ "
                                "counselling.",
                            },
                            "is_best": True,
                        },
                        {
                            "text": {
                                "de": "Menschen aus ihrem Herkunftsland bewerben sich "
                                "oft überall gleichzeitig und sagen nicht ab.",
                                "en": "People from her country of origin often apply "
                                "everywhere at once and don't withdraw properly.",
                            },
                            "feedback": {
                                "de": "Ein Stereotyp. Es lenkt davon ab, dass die "
                                "eigene E-Mail eine Hürde aufgebaut hat, die der "
                                "Betrieb selbst abbauen kann.",
                                "en": "A stereotype. It distracts from the fact that "
                                "the company's own email created a hurdle that the "
                                "company itself can remove.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Sie hat inzwischen eine andere Stelle gefunden.",
                                "en": "She has found another job in the meantime.",
                            },
                            "feedback": {
                                "de": "Möglich, aber Spekulation. Selbst dann bleibt "
                                "die Frage, warum ein anderer Betrieb schneller war: "
                                "Die Anforderung vor dem Gespräch kostet Zeit und "
                                "Bewerbende.",
                                "en": "Possible, but speculation. Even then the "
                                "question remains why another company was faster: "
                                "requiring recognition before the interview costs "
                                "time and applicants.",
                            },
                            "is_best": False,
                        },
                    ],
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Wählen Sie eine Stelle aus Ihrem Betrieb, für die Sie "
                            "Fachkräfte suchen. Suchen Sie den passenden Beruf im "
                            "Anerkennungs-Finder: Ist er reglementiert? Welche Stelle "
                            "wäre für Ihren Standort zuständig?"
                        ),
                        "en": (
                            "Choose a position in your company for which you are "
                            "looking for skilled workers. Look up the matching "
                            "occupation in the Recognition Finder: is it regulated? "
                            "Which body would be responsible for your location?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Reglementierter Beruf",
                                "en": "Regulated profession",
                            },
                            "definition": {
                                "de": "Beruf, dessen Ausübung oder Bezeichnung an "
                                "einen bestimmten Abschluss gebunden ist; "
                                "Anerkennung ist Pflicht.",
                                "en": "A profession whose practice or title is tied "
                                "to a specific qualification; recognition is "
                                "mandatory.",
                            },
                        },
                        {
                            "term": {
                                "de": "Nicht reglementierter Beruf",
                                "en": "Non-regulated profession",
                            },
                            "definition": {
                                "de": "Beruf ohne gesetzliche Zugangsvoraussetzung; "
                                "Anerkennung ist freiwillig, aber oft hilfreich.",
                                "en": "An occupation without a legal entry "
                                "requirement; recognition is voluntary but often "
                                "helpful.",
                            },
                        },
                        {
                            "term": {"de": "Zuständige Stelle", "en": "Competent body"},
                            "definition": {
                                "de": "Kammer oder Behörde, die über den "
                                "Anerkennungsantrag entscheidet.",
                                "en": "The chamber or authority that decides on the "
                                "recognition application.",
                            },
                        },
                        {
                            "term": {"de": "IHK FOSA", "en": "IHK FOSA"},
                            "definition": {
                                "de": "Foreign Skills Approval: zentrale Stelle der "
                                "Industrie- und Handelskammern für die Anerkennung "
                                "in IHK-Berufen, mit Sitz in Nürnberg.",
                                "en": "Foreign Skills Approval: the chambers of "
                                "industry and commerce's central body for "
                                "recognition in IHK occupations, based in "
                                "Nuremberg.",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 3
        {
            "slug": {"de": "das-verfahren", "en": "the-procedure"},
            "title": {
                "de": "Das Verfahren: Unterlagen, Bescheid, Qualifikationsanalyse",
                "en": "The procedure: documents, notice, skills analysis",
            },
            "estimated_minutes": 35,
            "summary": {
                "de": "Die Schritte bis zum Bescheid, die möglichen Ergebnisse, die "
                "Qualifikationsanalyse bei fehlenden Unterlagen und die Kosten.",
                "en": "The steps up to the notice, the possible outcomes, the skills "
                "analysis when documents are missing, and the costs.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Schritt für Schritt</h2>"
                            "<ol>"
                            "<li><strong>Informieren:</strong> Referenzberuf und "
                            "zuständige Stelle mit dem Anerkennungs-Finder "
                            "ermitteln; bei Bedarf kostenlose Beratung nutzen, etwa "
                            "bei den IQ-Beratungsstellen.</li>"
                            "<li><strong>Unterlagen zusammenstellen:</strong> in der "
                            "Regel Identitätsnachweis, Abschlusszeugnisse mit "
                            "Fächern und Stunden, Nachweise über Berufserfahrung, "
                            "ein tabellarischer Lebenslauf; fremdsprachige "
                            "Dokumente meist als Übersetzung durch öffentlich "
                            "bestellte oder beeidigte Übersetzerinnen und "
                            "Übersetzer.</li>"
                            "<li><strong>Antrag stellen</strong> bei der zuständigen "
                            "Stelle. Antragsteller ist die Person mit dem "
                            "ausländischen Abschluss; Arbeitgeber können sie dabei "
                            "unterstützen.</li>"
                            "<li><strong>Prüfung:</strong> Die Stelle vergleicht "
                            "Inhalt und Dauer der Ausbildung mit dem Referenzberuf "
                            "und berücksichtigt Berufserfahrung.</li>"
                            "<li><strong>Bescheid:</strong> Nach dem BQFG muss die "
                            "Stelle innerhalb von drei Monaten nach Eingang der "
                            "vollständigen Unterlagen entscheiden; die Frist kann "
                            "einmal angemessen verlängert werden, wenn der Fall es "
                            "rechtfertigt.</li>"
                            "</ol>"
                        ),
                        "en": (
                            "<h2>Step by step</h2>"
                            "<ol>"
                            "<li><strong>Get informed:</strong> find the reference "
                            "occupation and competent body with the Recognition "
                            "Finder; use free counselling if needed, for example at "
                            "the IQ counselling centres.</li>"
                            "<li><strong>Collect documents:</strong> usually proof "
                            "of identity, certificates listing subjects and hours, "
                            "proof of work experience, a CV in table form; documents "
                            "in other languages usually translated by publicly "
                            "appointed or sworn translators.</li>"
                            "<li><strong>Apply</strong> to the competent body. The "
                            "applicant is the holder of the foreign qualification; "
                            "employers can support them.</li>"
                            "<li><strong>Assessment:</strong> the body compares the "
                            "content and duration of the training with the reference "
                            "occupation and takes work experience into account.</li>"
                            "<li><strong>Notice:</strong> under the BQFG the body "
                            "must decide within three months of receiving the "
                            "complete documents; the period can be extended once by "
                            "a reasonable amount if the case justifies it.</li>"
                            "</ol>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Drei mögliche Ergebnisse",
                        "en": "Three possible outcomes",
                    },
                    "body": {
                        "de": (
                            "<p><strong>Volle Gleichwertigkeit:</strong> Der "
                            "Abschluss ist dem deutschen Referenzberuf gleichgestellt. "
                            "<strong>Teilweise Gleichwertigkeit</strong> (nur in nicht "
                            "reglementierten Berufen): Der Bescheid nennt die "
                            "vorhandenen Qualifikationen und die wesentlichen "
                            "Unterschiede, die sich mit einer "
                            "Anpassungsqualifizierung ausgleichen lassen. "
                            "<strong>Keine Gleichwertigkeit:</strong> Die "
                            "Unterschiede sind so groß, dass keine Gleichwertigkeit "
                            "festgestellt wird. In reglementierten Berufen wird bei "
                            "wesentlichen Unterschieden statt einer teilweisen "
                            "Gleichwertigkeit eine Ausgleichsmaßnahme auferlegt.</p>"
                        ),
                        "en": (
                            "<p><strong>Full equivalence:</strong> the qualification "
                            "is treated as equal to the German reference occupation. "
                            "<strong>Partial equivalence</strong> (only in "
                            "non-regulated professions): the notice lists the "
                            "existing qualifications and the substantial "
                            "differences, which can be closed with an adaptation "
                            "qualification. <strong>No equivalence:</strong> the "
                            "differences are so large that no equivalence is "
                            "established. In regulated professions, substantial "
                            "differences lead to a compensation measure instead of "
                            "partial equivalence.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Wenn Unterlagen fehlen: die Qualifikationsanalyse</h2>"
                            "<p>Manche Menschen können ihre Abschlüsse nicht oder "
                            "nicht vollständig belegen, etwa nach einer Flucht, oder "
                            "nur mit unverhältnismäßigem Aufwand. Das BQFG sieht "
                            "dafür die <strong>Qualifikationsanalyse</strong> vor: "
                            "Die zuständige Stelle stellt die beruflichen "
                            "Kompetenzen mit praktischen Verfahren fest, zum Beispiel "
                            "mit einer Arbeitsprobe, einem Fachgespräch oder einer "
                            "Probearbeit im Betrieb. Arbeitgeber können hier "
                            "unterstützen, etwa indem sie einen Arbeitsplatz für die "
                            "Probearbeit zur Verfügung stellen.</p>"
                            "<h2>Kosten und Förderung</h2>"
                            "<p>Das Verfahren ist gebührenpflichtig; die Gebühren "
                            "legt die zuständige Stelle nach ihren Gebührenordnungen "
                            "und dem Aufwand fest. Hinzu kommen oft Kosten für "
                            "Übersetzungen und Beglaubigungen. Arbeitgeber dürfen "
                            "diese Kosten übernehmen. Bei Arbeitsuchenden können "
                            "Agentur für Arbeit oder Jobcenter Kosten im Einzelfall "
                            "fördern. Für Menschen mit geringem Einkommen, die keine "
                            "andere Förderung erhalten, gibt es den "
                            "<strong>Anerkennungszuschuss</strong> des Bundes; ob er "
                            "aktuell beantragt werden kann und zu welchen "
                            "Bedingungen, steht auf anerkennung-in-deutschland.de.</p>"
                        ),
                        "en": (
                            "<h2>When documents are missing: the skills analysis</h2>"
                            "<p>Some people cannot prove their qualifications, or "
                            "not completely, for example after fleeing their "
                            "country, or only with disproportionate effort. For these "
                            "cases the BQFG provides for the <strong>skills analysis "
                            "(Qualifikationsanalyse)</strong>: the competent body "
                            "establishes the professional competences through "
                            "practical methods, such as a work sample, a technical "
                            "interview or a trial work period in a company. "
                            "Employers can help here, for example by providing a "
                            "workplace for the trial work.</p>"
                            "<h2>Costs and funding</h2>"
                            "<p>The procedure is subject to fees; the competent body "
                            "sets them according to its fee schedules and the effort "
                            "involved. Costs for translations and certified copies "
                            "are often added. Employers may pay these costs. For job "
                            "seekers, the employment agency or Jobcenter can fund "
                            "costs in individual cases. For people on a low income "
                            "who receive no other funding there is the federal "
                            "<strong>recognition grant (Anerkennungszuschuss)"
                            "</strong>; whether it can currently be applied for, "
                            "and on what conditions, is published on "
                            "anerkennung-in-deutschland.de.</p>"
                        ),
                    },
                },
                {
                    "type": "case_study",
                    "title": {
                        "de": "„Nur teilweise gleichwertig“",
                        "en": "“Only partially equivalent”",
                    },
                    "situation": {
                        "de": (
                            "<p>Ein mittelständischer Elektrobetrieb möchte Herrn "
                            "D. einstellen, der im Ausland eine dreijährige "
                            "Ausbildung zum Elektriker abgeschlossen und sechs Jahre "
                            "im Beruf gearbeitet hat. Die Handwerkskammer stellt "
                            "eine teilweise Gleichwertigkeit mit dem Referenzberuf "
                            "Elektroniker/-in fest. Der Bescheid nennt als "
                            "wesentlichen Unterschied Kenntnisse der in Deutschland "
                            "geltenden Normen und Sicherheitsvorschriften. Einzelne "
                            "Arbeitszeugnisse lagen nur als Kopie ohne Übersetzung "
                            "vor. Der Werkstattleiter sagt: „Die Ausbildung dort ist "
                            "eben schlechter.“</p>"
                        ),
                        "en": (
                            "<p>A medium-sized electrical company wants to hire Mr "
                            "D., who completed a three-year electrician training "
                            "abroad and has worked in the trade for six years. The "
                            "chamber of crafts finds partial equivalence with the "
                            "reference occupation of electronics technician. As the "
                            "substantial difference, the notice names knowledge of "
                            "the standards and safety regulations that apply in "
                            "Germany. Some employment references were only available "
                            "as copies without translation. The workshop manager "
                            "says: “The training over there is simply worse.”</p>"
                        ),
                    },
                    "question": {
                        "de": "Wie lässt sich das Ergebnis am besten erklären – und "
                        "was sollte der Betrieb jetzt tun?",
                        "en": "How is the outcome best explained – and what should "
                        "the company do now?",
                    },
                    "options": [
                        {
                            "text": {
                                "de": "Die Ausbildung im Herkunftsland ist "
                                "grundsätzlich weniger wert.",
                                "en": "Training in the country of origin is "
                                "generally worth less.",
                            },
                            "feedback": {
                                "de": "Der Bescheid sagt das nicht. Er vergleicht "
                                "Inhalte mit einem deutschen Referenzberuf; dass "
                                "deutsche Normen im Ausland nicht gelehrt werden, "
                                "ist erwartbar und kein Qualitätsurteil.",
                                "en": "The notice does not say that. It compares "
                                "content with a German reference occupation; that "
                                "German standards are not taught abroad is to be "
                                "expected and no judgement on quality.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Die Unterschiede betreffen "
                                "deutschlandspezifische Inhalte, und die "
                                "Berufserfahrung konnte ohne übersetzte Nachweise "
                                "nicht voll berücksichtigt werden.",
                                "en": "The differences concern content specific to "
                                "Germany, and the work experience could not be fully "
                                "taken into account without translated proof.",
                            },
                            "feedback": {
                                "de": "Am plausibelsten. Der Betrieb kann eine "
                                "Anpassungsqualifizierung zu Normen und "
                                "Sicherheitsvorschriften ermöglichen, Herrn D. "
                                "währenddessen beschäftigen und ihn beim Übersetzen "
                                "der Arbeitszeugnisse unterstützen. Danach kann er "
                                "einen Folgeantrag auf volle Gleichwertigkeit "
                                "stellen.",
                                "en": "The most plausible. The company can enable an "
                                "adaptation qualification on standards and safety "
                                "regulations, employ Mr D. in the meantime and help "
                                "him get the employment references translated. He "
                                "can then make a follow-up application for full "
                                "equivalence.",
                            },
                            "is_best": True,
                        },
                        {
                            "text": {
                                "de": "Die Handwerkskammer hat nicht sorgfältig "
                                "geprüft.",
                                "en": "The chamber of crafts did not check carefully.",
                            },
                            "feedback": {
                                "de": "Dafür gibt es keinen Hinweis: Der Bescheid "
                                "benennt den Unterschied konkret. Wer das Ergebnis "
                                "für falsch hält, kann sich von der Kammer beraten "
                                "lassen und Rechtsmittel prüfen.",
                                "en": "There is no sign of that: the notice names "
                                "the difference specifically. Anyone who believes the "
                                "outcome is wrong can seek advice from the chamber "
                                "and consider legal remedies.",
                            },
                            "is_best": False,
                        },
                        {
                            "text": {
                                "de": "Herr D. darf ohne volle Gleichwertigkeit nicht "
                                "als Elektriker arbeiten, also ist die Einstellung "
                                "ausgeschlossen.",
                                "en": "Mr D. may not work as an electrician without "
                                "full equivalence, so hiring him is ruled out.",
                            },
                            "feedback": {
                                "de": "Elektroniker/-in ist als Ausbildungsberuf "
                                "nicht reglementiert. Eine Beschäftigung ist "
                                "möglich; bei einer Fachkraft aus einem Drittstaat "
                                "hängen die Möglichkeiten vom Aufenthaltsrecht ab "
                                "und sind mit der Ausländerbehörde zu klären.",
                                "en": "Electronics technician is a non-regulated "
                                "training occupation. Employment is possible; for a "
                                "skilled worker from a non-EU country the options "
                                "depend on residence law and must be clarified with "
                                "the foreigners authority.",
                            },
                            "is_best": False,
                        },
                    ],
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Welche Unterstützung könnte Ihr Betrieb einer "
                            "Beschäftigten im Anerkennungsverfahren geben – Zeit, "
                            "Kostenübernahme, Nachweise über Berufserfahrung, ein "
                            "Platz für Probearbeit? Was davon wäre für Sie leicht "
                            "umzusetzen?"
                        ),
                        "en": (
                            "What support could your company give an employee in "
                            "the recognition procedure – time off, paying costs, "
                            "proof of work experience, a place for trial work? "
                            "Which of these would be easy for you to provide?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Volle Gleichwertigkeit",
                                "en": "Full equivalence",
                            },
                            "definition": {
                                "de": "Keine wesentlichen Unterschiede zum "
                                "Referenzberuf; der Abschluss ist dem deutschen "
                                "gleichgestellt.",
                                "en": "No substantial differences from the reference "
                                "occupation; the qualification is treated as equal "
                                "to the German one.",
                            },
                        },
                        {
                            "term": {
                                "de": "Teilweise Gleichwertigkeit",
                                "en": "Partial equivalence",
                            },
                            "definition": {
                                "de": "Bescheid in nicht reglementierten Berufen, "
                                "der vorhandene Qualifikationen und wesentliche "
                                "Unterschiede benennt.",
                                "en": "A notice in non-regulated professions that "
                                "names existing qualifications and substantial "
                                "differences.",
                            },
                        },
                        {
                            "term": {
                                "de": "Qualifikationsanalyse",
                                "en": "Skills analysis",
                            },
                            "definition": {
                                "de": "Praktische Feststellung der Kompetenzen, wenn "
                                "Nachweise fehlen, etwa durch Arbeitsprobe oder "
                                "Fachgespräch.",
                                "en": "A practical assessment of competences when "
                                "documents are missing, for example through a work "
                                "sample or a technical interview.",
                            },
                        },
                        {
                            "term": {
                                "de": "Anerkennungszuschuss",
                                "en": "Recognition grant",
                            },
                            "definition": {
                                "de": "Förderprogramm des Bundes, das Kosten der "
                                "Anerkennung für Menschen mit geringem Einkommen "
                                "bezuschusst, wenn keine andere Stelle sie trägt.",
                                "en": "A federal programme that subsidises the costs "
                                "of recognition for people on a low income when no "
                                "other body pays them.",
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
                "de": "anpassungsqualifizierung",
                "en": "adaptation-qualification",
            },
            "title": {
                "de": "Teilweise Gleichwertigkeit nutzen: Anpassungsqualifizierung",
                "en": "Making use of partial equivalence: adaptation qualification",
            },
            "estimated_minutes": 25,
            "summary": {
                "de": "Wie Unterschiede geschlossen werden, welche Rolle der Betrieb "
                "spielt und was in reglementierten Berufen gilt.",
                "en": "How differences are closed, what role the company plays and "
                "what applies in regulated professions.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Vom Bescheid zum Qualifizierungsplan</h2>"
                            "<p>Ein Bescheid über teilweise Gleichwertigkeit ist "
                            "kein Misserfolg, sondern ein Plan: Er nennt genau die "
                            "Inhalte, die noch fehlen. Eine "
                            "<strong>Anpassungsqualifizierung</strong> schließt diese "
                            "Lücken gezielt – durch Kurse, durch betriebliche Phasen "
                            "oder eine Kombination. Viele Angebote sind "
                            "berufsbegleitend möglich; im Förderprogramm IQ gibt es "
                            "Qualifizierungen für Menschen im Anerkennungsverfahren. "
                            "Anschließend stellt die Person einen Folgeantrag, um "
                            "die volle Gleichwertigkeit feststellen zu lassen.</p>"
                            "<p>Für Arbeitgeber ist der Betrieb oft der beste Lernort: "
                            "Wer ohnehin im Beruf arbeitet, kann fehlende "
                            "Praxisinhalte "
                            "unter Anleitung erwerben. Sprechen Sie Inhalte, Dauer und "
                            "Nachweise vorab mit der zuständigen Stelle ab.</p>"
                        ),
                        "en": (
                            "<h2>From notice to qualification plan</h2>"
                            "<p>A notice of partial equivalence is not a failure but "
                            "a plan: it names exactly the content that is still "
                            "missing. An <strong>adaptation qualification</strong> "
                            "closes these gaps in a targeted way – through courses, "
                            "in-company phases or a combination. Many options can "
                            "be taken alongside work; the IQ programme offers "
                            "qualification courses for people in the recognition "
                            "procedure. Afterwards the person makes a follow-up "
                            "application to have full equivalence established.</p>"
                            "<p>For employers, the company is often the best place to "
                            "learn: someone already working in the occupation can "
                            "acquire missing practical content under supervision. "
                            "Agree content, duration and proof with the competent "
                            "body in advance.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "Reglementierte Berufe: Ausgleichsmaßnahmen",
                        "en": "Regulated professions: compensation measures",
                    },
                    "body": {
                        "de": (
                            "<p>In reglementierten Berufen gleicht man wesentliche "
                            "Unterschiede mit einer <strong>Ausgleichsmaßnahme"
                            "</strong> aus: einem Anpassungslehrgang oder einer "
                            "Prüfung (Kenntnis- oder Eignungsprüfung). Erst danach "
                            "wird die Berufszulassung erteilt. Für die Berufsausübung "
                            "können zusätzlich Sprachkenntnisse verlangt werden.</p>"
                        ),
                        "en": (
                            "<p>In regulated professions, substantial differences are "
                            "closed with a <strong>compensation measure</strong>: an "
                            "adaptation period or an examination (knowledge or "
                            "aptitude test). Only then is the licence to practise "
                            "granted. Language skills may also be required for "
                            "practising the profession.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Fachkräfte aus Drittstaaten</h2>"
                            "<p>Das Aufenthaltsgesetz erlaubt unter bestimmten "
                            "Voraussetzungen einen Aufenthalt, um eine "
                            "Anpassungsqualifizierung oder Ausgleichsmaßnahme in "
                            "Deutschland zu absolvieren (§ 16d AufenthG). Seit der "
                            "Weiterentwicklung der Fachkräfteeinwanderung gibt es "
                            "außerdem die <strong>Anerkennungspartnerschaft</strong>: "
                            "Die Fachkraft reist zur Beschäftigung ein, und Betrieb "
                            "und Fachkraft verpflichten sich, das "
                            "Anerkennungsverfahren "
                            "nach der Einreise zu betreiben. Die genauen "
                            "Voraussetzungen klären Sie mit der Ausländerbehörde; "
                            "einen Überblick gibt das Portal "
                            "make-it-in-germany.com.</p>"
                        ),
                        "en": (
                            "<h2>Skilled workers from non-EU countries</h2>"
                            "<p>Under certain conditions the Residence Act allows a "
                            "stay in order to complete an adaptation qualification or "
                            "compensation measure in Germany (§ 16d AufenthG). Since "
                            "the further development of skilled immigration there "
                            "is also the <strong>recognition partnership"
                            "</strong>: the skilled worker enters Germany to take up "
                            "employment, and company and worker commit to pursuing "
                            "the recognition procedure after entry. Clarify the "
                            "exact requirements with the foreigners authority; the "
                            "portal make-it-in-germany.com gives an overview.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Stellen Sie sich vor, eine Mitarbeiterin legt Ihnen "
                            "einen Bescheid über teilweise Gleichwertigkeit vor. "
                            "Welche der genannten Unterschiede könnten Sie im "
                            "eigenen Betrieb abdecken, und wofür bräuchten Sie einen "
                            "externen Kurs?"
                        ),
                        "en": (
                            "Imagine an employee shows you a notice of partial "
                            "equivalence. Which of the differences listed could you "
                            "cover in your own company, and for which would you need "
                            "an external course?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Anpassungsqualifizierung",
                                "en": "Adaptation qualification",
                            },
                            "definition": {
                                "de": "Gezielte Weiterbildung, die die im Bescheid "
                                "genannten wesentlichen Unterschiede ausgleicht.",
                                "en": "Targeted training that closes the substantial "
                                "differences named in the notice.",
                            },
                        },
                        {
                            "term": {
                                "de": "Folgeantrag",
                                "en": "Follow-up application",
                            },
                            "definition": {
                                "de": "Erneuter Antrag nach einer Qualifizierung, um "
                                "die volle Gleichwertigkeit feststellen zu lassen.",
                                "en": "A new application after a qualification in "
                                "order to have full equivalence established.",
                            },
                        },
                        {
                            "term": {
                                "de": "Ausgleichsmaßnahme",
                                "en": "Compensation measure",
                            },
                            "definition": {
                                "de": "Anpassungslehrgang oder Kenntnis- bzw. "
                                "Eignungsprüfung in reglementierten Berufen.",
                                "en": "An adaptation period or a knowledge or "
                                "aptitude test in regulated professions.",
                            },
                        },
                        {
                            "term": {
                                "de": "Anerkennungspartnerschaft",
                                "en": "Recognition partnership",
                            },
                            "definition": {
                                "de": "Einreise zur Beschäftigung mit der "
                                "Verpflichtung, das Anerkennungsverfahren in "
                                "Deutschland zu betreiben.",
                                "en": "Entry for employment with the commitment to "
                                "pursue the recognition procedure in Germany.",
                            },
                        },
                    ],
                },
            ],
            "quiz": None,
        },
        # ------------------------------------------------------------------ 5
        {
            "slug": {
                "de": "fachkraefte-aus-dem-ausland",
                "en": "skilled-workers-from-abroad",
            },
            "title": {
                "de": "Fachkräfte aus dem Ausland gewinnen: das beschleunigte "
                "Fachkräfteverfahren",
                "en": "Recruiting skilled workers from abroad: the accelerated "
                "procedure",
            },
            "estimated_minutes": 35,
            "summary": {
                "de": "Das Fachkräfteeinwanderungsgesetz, das beschleunigte "
                "Fachkräfteverfahren nach § 81a AufenthG und Ihre Rolle als "
                "Arbeitgeber. Mit Abschlussquiz.",
                "en": "The Skilled Immigration Act, the accelerated procedure for "
                "skilled workers under § 81a AufenthG and your role as an employer. "
                "With final quiz.",
            },
            "body": [
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Das Fachkräfteeinwanderungsgesetz</h2>"
                            "<p>Das Fachkräfteeinwanderungsgesetz ist seit dem "
                            "1. März 2020 in Kraft. Es hat die Einwanderung von "
                            "Fachkräften mit Berufsausbildung aus Staaten außerhalb "
                            "der EU erleichtert und das beschleunigte "
                            "Fachkräfteverfahren eingeführt. Mit dem Gesetz zur "
                            "Weiterentwicklung der Fachkräfteeinwanderung von 2023 "
                            "kamen, in mehreren Stufen bis 2024, weitere Wege hinzu, "
                            "etwa die Anerkennungspartnerschaft und die "
                            "Chancenkarte zur Arbeitsuche.</p>"
                            "<p>Für viele Aufenthaltstitel zur Beschäftigung ist "
                            "weiterhin eine Anerkennung oder ein vergleichbarer "
                            "Nachweis der Qualifikation nötig. Welche Voraussetzungen "
                            "im Einzelfall gelten, hängt vom Titel, vom Beruf und von "
                            "der Qualifikation ab.</p>"
                        ),
                        "en": (
                            "<h2>The Skilled Immigration Act</h2>"
                            "<p>The Skilled Immigration Act "
                            "(Fachkräfteeinwanderungsgesetz) has been in force since "
                            "1 March 2020. It made it easier for skilled workers "
                            "with vocational training from outside the EU to "
                            "immigrate and introduced the accelerated procedure for "
                            "skilled workers. The 2023 Act on the Further "
                            "Development of Skilled Immigration added further routes "
                            "in several stages up to 2024, such as the recognition "
                            "partnership and the opportunity card for job "
                            "seekers.</p>"
                            "<p>Many residence permits for employment still require "
                            "recognition or comparable proof of the qualification. "
                            "Which requirements apply in a given case depends on the "
                            "permit, the occupation and the qualification.</p>"
                        ),
                    },
                },
                {
                    "type": "callout",
                    "title": {
                        "de": "§ 81a AufenthG: Der Arbeitgeber stellt den Antrag",
                        "en": "§ 81a AufenthG: the employer applies",
                    },
                    "body": {
                        "de": (
                            "<p>Im <strong>beschleunigten Fachkräfteverfahren</strong> "
                            "handelt der Arbeitgeber mit Vollmacht der Fachkraft bei "
                            "der zuständigen Ausländerbehörde im Inland. Beide "
                            "schließen eine Vereinbarung; die Ausländerbehörde "
                            "begleitet das Anerkennungsverfahren, holt die Zustimmung "
                            "der Bundesagentur für Arbeit ein und erteilt eine "
                            "Vorabzustimmung zum Visum. Das Verfahren ist "
                            "gebührenpflichtig; für die Anerkennung gilt darin eine "
                            "verkürzte Entscheidungsfrist von zwei Monaten.</p>"
                        ),
                        "en": (
                            "<p>In the <strong>accelerated procedure for skilled "
                            "workers</strong>, the employer acts on the skilled "
                            "worker's behalf, with their power of attorney, at the "
                            "competent foreigners authority in Germany. The two sign "
                            "an agreement; the foreigners authority accompanies the "
                            "recognition procedure, obtains the approval of the "
                            "Federal Employment Agency and issues a prior approval "
                            "for the visa. The procedure is subject to a fee; within "
                            "it, a shortened decision period of two months applies "
                            "to recognition.</p>"
                        ),
                    },
                },
                {
                    "type": "text",
                    "body": {
                        "de": (
                            "<h2>Der Ablauf aus Sicht des Betriebs</h2>"
                            "<ol>"
                            "<li>Arbeitsvertrag oder verbindliches Arbeitsplatzangebot "
                            "und Vollmacht der Fachkraft vorbereiten.</li>"
                            "<li>Bei der zuständigen Ausländerbehörde – in vielen "
                            "Ländern eine zentrale Stelle für "
                            "Fachkräfteeinwanderung – das Verfahren beantragen und die "
                            "Vereinbarung schließen.</li>"
                            "<li>Die Anerkennung wird bei der zuständigen Stelle "
                            "beantragt; die Ausländerbehörde begleitet das Verfahren "
                            "und wirkt auf die Einhaltung der Fristen hin.</li>"
                            "<li>Die Ausländerbehörde holt die Zustimmung der "
                            "Bundesagentur für Arbeit ein und erteilt die "
                            "Vorabzustimmung.</li>"
                            "<li>Die Fachkraft beantragt mit der Vorabzustimmung das "
                            "Visum bei der deutschen Auslandsvertretung.</li>"
                            "</ol>"
                            "<p>Ehepartner und minderjährige Kinder können in das "
                            "Verfahren einbezogen werden, wenn die Visumanträge im "
                            "zeitlichen Zusammenhang gestellt werden.</p>"
                        ),
                        "en": (
                            "<h2>The process from the company's point of view</h2>"
                            "<ol>"
                            "<li>Prepare the employment contract or a binding job "
                            "offer and the skilled worker's power of attorney.</li>"
                            "<li>Apply for the procedure at the competent foreigners "
                            "authority – in many states a central office for skilled "
                            "immigration – and sign the agreement.</li>"
                            "<li>Recognition is applied for at the competent body; "
                            "the foreigners authority accompanies the procedure and "
                            "works towards the deadlines being met.</li>"
                            "<li>The foreigners authority obtains the approval of "
                            "the Federal Employment Agency and issues the prior "
                            "approval.</li>"
                            "<li>With the prior approval, the skilled worker applies "
                            "for the visa at the German mission abroad.</li>"
                            "</ol>"
                            "<p>Spouses and minor children can be included in the "
                            "procedure if their visa applications are made around the "
                            "same time.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "prompt": {
                        "de": (
                            "Welche Aufgaben im beschleunigten Fachkräfteverfahren "
                            "könnte Ihr Betrieb selbst übernehmen, und wo bräuchten "
                            "Sie Unterstützung, etwa durch die Ausländerbehörde, die "
                            "Kammer oder eine Beratungsstelle?"
                        ),
                        "en": (
                            "Which tasks in the accelerated procedure could your "
                            "company take on itself, and where would you need "
                            "support, for example from the foreigners authority, "
                            "the chamber or a counselling service?"
                        ),
                    },
                },
                {
                    "type": "glossary",
                    "title": {"de": "Begriffe", "en": "Key terms"},
                    "items": [
                        {
                            "term": {
                                "de": "Fachkräfteeinwanderungsgesetz",
                                "en": "Skilled Immigration Act",
                            },
                            "definition": {
                                "de": "Gesetz zur Erleichterung der Einwanderung "
                                "von Fachkräften, in Kraft seit 1. März 2020, 2023 "
                                "weiterentwickelt.",
                                "en": "An act making it easier for skilled workers "
                                "to immigrate, in force since 1 March 2020, further "
                                "developed in 2023.",
                            },
                        },
                        {
                            "term": {
                                "de": "Beschleunigtes Fachkräfteverfahren",
                                "en": "Accelerated procedure for skilled workers",
                            },
                            "definition": {
                                "de": "Verfahren nach § 81a AufenthG, das der "
                                "Arbeitgeber bei der Ausländerbehörde beantragt.",
                                "en": "A procedure under § 81a AufenthG that the "
                                "employer applies for at the foreigners authority.",
                            },
                        },
                        {
                            "term": {"de": "Vorabzustimmung", "en": "Prior approval"},
                            "definition": {
                                "de": "Zustimmung der Ausländerbehörde zum Visum, "
                                "mit der die Fachkraft das Visum beantragt.",
                                "en": "The foreigners authority's approval of the "
                                "visa, with which the skilled worker applies for the "
                                "visa.",
                            },
                        },
                        {
                            "term": {"de": "Drittstaat", "en": "Third country"},
                            "definition": {
                                "de": "Ein Staat außerhalb der Europäischen Union, "
                                "des Europäischen Wirtschaftsraums und der Schweiz.",
                                "en": "A country outside the European Union, the "
                                "European Economic Area and Switzerland.",
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
                            "de": "Seit wann gilt das "
                            "Berufsqualifikationsfeststellungsgesetz (BQFG)?",
                            "en": "Since when has the Professional Qualifications "
                            "Assessment Act (BQFG) applied?",
                        },
                        "explanation": {
                            "de": "Das BQFG ist am 1. April 2012 in Kraft getreten.",
                            "en": "The BQFG entered into force on 1 April 2012.",
                        },
                        "options": [
                            {
                                "text": {"de": "Seit 2005", "en": "Since 2005"},
                                "is_correct": False,
                                "feedback": {
                                    "de": "2005 wurde die EU-Richtlinie über "
                                    "Berufsqualifikationen erlassen, nicht das BQFG.",
                                    "en": "2005 is the year of the EU directive on "
                                    "professional qualifications, not of the BQFG.",
                                },
                            },
                            {
                                "text": {"de": "Seit 2012", "en": "Since 2012"},
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {"de": "Seit 2020", "en": "Since 2020"},
                                "is_correct": False,
                                "feedback": {
                                    "de": "2020 trat das "
                                    "Fachkräfteeinwanderungsgesetz in Kraft.",
                                    "en": "2020 is when the Skilled Immigration Act "
                                    "entered into force.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": {
                            "de": "In einem nicht reglementierten Beruf darf man nur "
                            "mit Anerkennung arbeiten.",
                            "en": "In a non-regulated profession you may only work "
                            "with recognition.",
                        },
                        "answer": False,
                        "explanation": {
                            "de": "Falsch. Die Anerkennung ist hier freiwillig, aber "
                            "hilfreich; für Drittstaatsangehörige kann sie für den "
                            "Aufenthaltstitel nötig sein.",
                            "en": "False. Recognition is voluntary here, but "
                            "helpful; for non-EU nationals it may be needed for the "
                            "residence permit.",
                        },
                    },
                    {
                        "type": "multiple_choice",
                        "prompt": {
                            "de": "Welche dieser Berufe sind in Deutschland "
                            "reglementiert? (Mehrere Antworten sind richtig.)",
                            "en": "Which of these professions are regulated in "
                            "Germany? (Several answers are correct.)",
                        },
                        "explanation": {
                            "de": "Heilberufe, Pflege und Lehrkräfte an staatlichen "
                            "Schulen sind reglementiert; die meisten dualen "
                            "Ausbildungsberufe nicht.",
                            "en": "Medical professions, nursing and teachers at "
                            "state schools are regulated; most dual training "
                            "occupations are not.",
                        },
                        "options": [
                            {
                                "text": {"de": "Ärztin/Arzt", "en": "Doctor"},
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Pflegefachfrau/Pflegefachmann",
                                    "en": "Nurse",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Lehrkraft an einer staatlichen Schule",
                                    "en": "Teacher at a state school",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {"de": "Koch/Köchin", "en": "Cook"},
                                "is_correct": False,
                                "feedback": {
                                    "de": "Ein nicht reglementierter Ausbildungsberuf.",
                                    "en": "A non-regulated training occupation.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Kaufmann/-frau für Büromanagement",
                                    "en": "Office management clerk",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Ein nicht reglementierter Ausbildungsberuf.",
                                    "en": "A non-regulated training occupation.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "matching",
                        "prompt": {
                            "de": "Welche Stelle ist zuständig? Ordnen Sie zu.",
                            "en": "Which body is responsible? Match them up.",
                        },
                        "explanation": {
                            "de": "Der Anerkennungs-Finder nennt für jeden Beruf und "
                            "Ort die zuständige Stelle.",
                            "en": "The Recognition Finder names the competent body "
                            "for every occupation and place.",
                        },
                        "pairs": [
                            {
                                "left": {
                                    "de": "Industriekaufmann/-frau",
                                    "en": "Industrial clerk",
                                },
                                "right": {"de": "IHK FOSA", "en": "IHK FOSA"},
                            },
                            {
                                "left": {
                                    "de": "Friseur/-in",
                                    "en": "Hairdresser",
                                },
                                "right": {
                                    "de": "Handwerkskammer",
                                    "en": "Chamber of crafts",
                                },
                            },
                            {
                                "left": {"de": "Ärztin/Arzt", "en": "Doctor"},
                                "right": {
                                    "de": "Behörde des Bundeslandes",
                                    "en": "Authority of the federal state",
                                },
                            },
                            {
                                "left": {
                                    "de": "Hochschulabschluss ohne reglementierten "
                                    "Beruf",
                                    "en": "University degree without a regulated "
                                    "profession",
                                },
                                "right": {
                                    "de": "ZAB (Zeugnisbewertung)",
                                    "en": "ZAB (statement of comparability)",
                                },
                            },
                        ],
                    },
                    {
                        "type": "ordering",
                        "prompt": {
                            "de": "Bringen Sie die Schritte des "
                            "Anerkennungsverfahrens in die richtige Reihenfolge.",
                            "en": "Put the steps of the recognition procedure in the "
                            "right order.",
                        },
                        "explanation": {
                            "de": "Informieren, Unterlagen sammeln, Antrag stellen, "
                            "Prüfung, Bescheid.",
                            "en": "Get informed, collect documents, apply, "
                            "assessment, notice.",
                        },
                        "items": [
                            {
                                "de": "Referenzberuf und zuständige Stelle ermitteln",
                                "en": "Find the reference occupation and competent "
                                "body",
                            },
                            {
                                "de": "Unterlagen und Übersetzungen zusammenstellen",
                                "en": "Collect documents and translations",
                            },
                            {
                                "de": "Antrag bei der zuständigen Stelle stellen",
                                "en": "Apply to the competent body",
                            },
                            {
                                "de": "Prüfung der Gleichwertigkeit",
                                "en": "Assessment of equivalence",
                            },
                            {
                                "de": "Bescheid",
                                "en": "Notice",
                            },
                        ],
                    },
                    {
                        "type": "fill_in_blank",
                        "prompt": {
                            "de": "Der deutsche Beruf, mit dem ein ausländischer "
                            "Abschluss verglichen wird, heißt ___.",
                            "en": "The German occupation with which a foreign "
                            "qualification is compared is called the ___.",
                        },
                        "accepted": {
                            "de": ["Referenzberuf"],
                            "en": ["reference occupation", "reference profession"],
                        },
                        "explanation": {
                            "de": "Der Anerkennungs-Finder ermittelt den "
                            "Referenzberuf.",
                            "en": "The Recognition Finder identifies the reference "
                            "occupation.",
                        },
                    },
                    {
                        "type": "fill_in_blank",
                        "prompt": {
                            "de": "Fehlen Nachweise aus Gründen, die die Person nicht "
                            "zu vertreten hat, kann die zuständige Stelle die "
                            "Kompetenzen in einer ___ praktisch feststellen.",
                            "en": "If documents are missing for reasons beyond the "
                            "person's control, the competent body can establish the "
                            "competences practically in a ___.",
                        },
                        "accepted": {
                            "de": ["Qualifikationsanalyse"],
                            "en": ["skills analysis", "qualification analysis"],
                        },
                        "explanation": {
                            "de": "Etwa durch Arbeitsprobe, Fachgespräch oder "
                            "Probearbeit.",
                            "en": "For example through a work sample, a technical "
                            "interview or trial work.",
                        },
                    },
                    {
                        "type": "single_choice",
                        "prompt": {
                            "de": "Was bedeutet ein Bescheid über teilweise "
                            "Gleichwertigkeit?",
                            "en": "What does a notice of partial equivalence mean?",
                        },
                        "explanation": {
                            "de": "Er benennt vorhandene Qualifikationen und "
                            "wesentliche Unterschiede; eine "
                            "Anpassungsqualifizierung kann diese ausgleichen.",
                            "en": "It names existing qualifications and substantial "
                            "differences; an adaptation qualification can close "
                            "them.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Der Antrag wurde abgelehnt.",
                                    "en": "The application was rejected.",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Nein – wesentliche Teile sind gleichwertig.",
                                    "en": "No – substantial parts are equivalent.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Vorhandene Qualifikationen und "
                                    "wesentliche Unterschiede werden benannt; sie "
                                    "lassen sich durch Anpassungsqualifizierung "
                                    "ausgleichen.",
                                    "en": "Existing qualifications and substantial "
                                    "differences are named; they can be closed "
                                    "through an adaptation qualification.",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Die Person darf nur in Teilzeit arbeiten.",
                                    "en": "The person may only work part-time.",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Der Bescheid regelt keine Arbeitszeit.",
                                    "en": "The notice says nothing about working "
                                    "hours.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "single_choice",
                        "prompt": {
                            "de": "Wer beantragt das beschleunigte "
                            "Fachkräfteverfahren nach § 81a AufenthG?",
                            "en": "Who applies for the accelerated procedure under "
                            "§ 81a AufenthG?",
                        },
                        "explanation": {
                            "de": "Der Arbeitgeber handelt mit Vollmacht der "
                            "Fachkraft bei der zuständigen Ausländerbehörde.",
                            "en": "The employer acts with the skilled worker's "
                            "power of attorney at the competent foreigners "
                            "authority.",
                        },
                        "options": [
                            {
                                "text": {
                                    "de": "Der Arbeitgeber, mit Vollmacht der "
                                    "Fachkraft, bei der Ausländerbehörde",
                                    "en": "The employer, with the skilled worker's "
                                    "power of attorney, at the foreigners authority",
                                },
                                "is_correct": True,
                                "feedback": {"de": "Richtig.", "en": "Correct."},
                            },
                            {
                                "text": {
                                    "de": "Die Fachkraft selbst bei der deutschen "
                                    "Auslandsvertretung",
                                    "en": "The skilled worker at the German mission "
                                    "abroad",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Bei der Auslandsvertretung wird erst "
                                    "danach das Visum beantragt.",
                                    "en": "The visa is applied for at the mission "
                                    "only afterwards.",
                                },
                            },
                            {
                                "text": {
                                    "de": "Die IHK FOSA",
                                    "en": "IHK FOSA",
                                },
                                "is_correct": False,
                                "feedback": {
                                    "de": "Die IHK FOSA kann zuständige Stelle für "
                                    "die Anerkennung sein, beantragt aber nicht das "
                                    "Verfahren.",
                                    "en": "IHK FOSA may be the competent body for "
                                    "recognition but does not apply for the "
                                    "procedure.",
                                },
                            },
                        ],
                    },
                    {
                        "type": "true_false",
                        "prompt": {
                            "de": "Einen Antrag auf Anerkennung können nur Bürgerinnen "
                            "und Bürger der Europäischen Union stellen.",
                            "en": "Only citizens of the European Union can apply for "
                            "recognition.",
                        },
                        "answer": False,
                        "explanation": {
                            "de": "Falsch. Der Antrag ist unabhängig von "
                            "Staatsangehörigkeit und Aufenthaltsstatus möglich, "
                            "auch aus dem Ausland.",
                            "en": "False. Anyone can apply regardless of nationality "
                            "and residence status, also from abroad.",
                        },
                    },
                ],
            },
        },
    ],
}
