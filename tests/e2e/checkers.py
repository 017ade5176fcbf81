"""Two independent WCAG checkers, both from npm (package-lock.json), run in the
test's own Chromium: axe-core (WCAG 2.0/2.1 A and AA rules) and HTML_CodeSniffer
(WCAG2AA standard, errors only: its warnings and notices ask for a human review).

The scripts are evaluated through the DevTools protocol, so the pages' CSP stays
as strict as in production. A target is a Playwright Page or Frame: inside a
player frame the checkers see that document only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTMLCS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _source(path: Path) -> str:
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` (make test does).")
    return path.read_text(encoding="utf-8")


def axe_violations(target) -> list[dict]:
    """axe-core's WCAG A/AA violations of the target's document (frames excluded)."""
    if not target.evaluate("() => typeof window.axe === 'object'"):
        target.evaluate(_source(AXE))
    return target.evaluate(
        """(tags) => axe.run(document, {
             runOnly: {type: 'tag', values: tags}, iframes: false,
             resultTypes: ['violations']
           }).then(r => r.violations.map(v => ({
             id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html)
           })))""",
        WCAG_AA_TAGS,
    )


def htmlcs_errors(target) -> list[dict]:
    """HTML_CodeSniffer's WCAG2AA errors of the target's document."""
    if not target.evaluate("() => typeof window.HTMLCS === 'object'"):
        # The build declares its globals with `var`: keep them on window.
        target.evaluate(
            "(src) => { (0, eval)(src); }",
            _source(HTMLCS),
        )
    return target.evaluate(
        """() => new Promise((resolve) => {
             HTMLCS.process('WCAG2AA', document, () => {
               resolve(HTMLCS.getMessages()
                 .filter(m => m.type === HTMLCS.ERROR)
                 .map(m => ({code: m.code, msg: m.msg,
                             html: m.element && m.element.outerHTML
                                   ? m.element.outerHTML.slice(0, 160) : ''})));
             });
           })"""
    )


def failures(target) -> list[str]:
    """One line per problem either checker finds; empty when both pass."""
    lines = [
        f"axe {v['id']} ({v['help']}) at {'; '.join(v['nodes'])}"
        for v in axe_violations(target)
    ]
    lines += [
        f"HTML_CodeSniffer {e['code']}: {e['msg']} at {e['html']}"
        for e in htmlcs_errors(target)
    ]
    return lines
