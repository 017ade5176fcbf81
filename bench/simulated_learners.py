"""The simulated learners of bench/load_faults.py: threads that work through a
course over HTTP (open, read, complete, take the quiz until passed) and log every
request and every acknowledged quiz submission.
"""

from __future__ import annotations

import http.client
import random
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

RADIO = re.compile(
    r'<input type="radio" name="(q_\w+)" id="([^"]+)" value="([^"]+)"[^>]*>\s*'
    r'<label for="\2">([^<]+)</label>'
)


@dataclass
class Log:
    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list = field(default_factory=list)  # (t, kind, status)
    acknowledged: list = field(default_factory=list)  # attempt public ids
    courses_completed: int = 0

    def add(self, kind: str, status: int) -> None:
        with self.lock:
            self.requests.append((time.monotonic() - self.started, kind, status))


class Learner(threading.Thread):
    """One person: works through the course, then the next account's course."""

    def __init__(self, port, plan, accounts, log, stop, seed) -> None:
        super().__init__(daemon=True)
        self.port, self.plan, self.accounts = port, plan, accounts
        self.log, self.stop = log, stop
        self.rng = random.Random(seed)  # noqa: S311 - simulated behaviour

    def request(self, kind, method, path, cookie, csrf, body=None):
        headers = {"Cookie": cookie, "Host": "127.0.0.1"}
        if method == "POST":
            headers["X-CSRFToken"] = csrf
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            location = response.getheader("Location", "")
            connection.close()
        except OSError:
            self.log.add(kind, 0)
            return 0, "", ""
        self.log.add(kind, response.status)
        return response.status, content, location

    def think(self) -> None:
        self.stop.wait(self.rng.uniform(0.5, 2.5))

    def run(self) -> None:
        for cookie, csrf in self.accounts:
            while not self.stop.is_set() and not self.take_course(cookie, csrf):
                pass
        while not self.stop.is_set():  # all accounts done: practise the quiz
            self.take_quiz(*self.accounts[-1])

    def take_course(self, cookie, csrf) -> bool:
        """True once the course is completed (the quiz passed)."""
        self.request("course", "GET", self.plan["course"], cookie, csrf)
        self.think()
        for module in self.plan["modules"]:
            if self.stop.is_set():
                return False
            self.request("module", "GET", module["url"], cookie, csrf)
            self.think()
            self.request("complete", "POST", module["complete"], cookie, csrf, "")
            self.think()
        while not self.stop.is_set():
            if self.take_quiz(cookie, csrf):
                with self.log.lock:
                    self.log.courses_completed += 1
                return True
        return False

    def take_quiz(self, cookie, csrf) -> bool:
        """One attempt; True if it was submitted and passed."""
        self.request("quiz", "GET", self.plan["quiz"], cookie, csrf)
        self.think()
        status, _, location = self.request(
            "start", "POST", self.plan["start"], cookie, csrf, ""
        )
        if status != 302 or "/attempt/" not in location:
            self.think()
            return False
        attempt = urlsplit(location).path
        status, html, _ = self.request("attempt", "GET", attempt, cookie, csrf)
        if status != 200:
            return False
        answers: dict[str, str] = {}
        wrong: dict[str, str] = {}
        for name, _id, token, label in RADIO.findall(html):
            (answers if label.strip() == "Antwort 0" else wrong).setdefault(name, token)
        fields = [("action", "submit")]
        for name, token in answers.items():
            chosen = token if self.rng.random() < 0.9 else wrong.get(name, token)
            fields.append((name, chosen))
        self.stop.wait(self.rng.uniform(2, 6))  # reading and answering
        status, _, location = self.request(
            "submit", "POST", attempt, cookie, csrf, urlencode(fields)
        )
        if status == 302 and location.rstrip("/").endswith("/result"):
            public_id = attempt.rstrip("/").split("/")[-1]
            with self.log.lock:
                self.log.acknowledged.append(public_id)
            status, html, _ = self.request("result", "GET", location, cookie, csrf)
            self.think()
            return status == 200 and "quiz-status--passed" in html
        self.think()
        return False
