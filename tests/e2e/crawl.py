"""Visit every page a signed-in person can reach by following links, and check each one.

Used by test_crawl.py (against the demo, as `make run` serves it) and usable by hand:

    .venv/bin/python -m tests.e2e.crawl http://127.0.0.1:8000 koordination@neckarbrueck.example

For each page: the answer is 200, axe-core finds no violation of WCAG 2.1 A/AA of any
impact, and at a phone's width (375 px) the page is no wider than the screen. Links are
followed breadth first within the site; each view is checked once per person (the first
link found to it), since pages of one view share their template.
"""

import sys
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

from django.urls import Resolver404, resolve
from playwright.sync_api import Page

PHONE_WIDTH = 375
DESKTOP = {"width": 1280, "height": 900}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Not pages: downloads, POST-only actions, the admin (Django's own), health checks.
SKIP_VIEWS = {
    "accounts:logout",
    "set_language",
    "core:health",
    "selfcheck:report_pdf",
    "selfcheck:answers_xlsx",
    "stakeholders:actor_export",
    "processes:document_download",
}
SKIP_PREFIXES = ("admin:",)


@dataclass
class Problem:
    url: str
    what: str

    def __str__(self) -> str:
        return f"{self.url}: {self.what}"


@dataclass
class CrawlResult:
    visited: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def page_kind(path: str) -> tuple[str, str] | None:
    """The page's view and its kind: the view plus any argument that is not an object's
    number (the three legal pages are one view, and each is a page of its own)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    words = [str(value) for value in match.kwargs.values() if not str(value).isdigit()]
    return match.view_name, " ".join([match.view_name, *words])


def check_page(page: Page, url: str) -> list[Problem]:
    """Axe (all impacts) at desktop width, then the page's width on a phone."""
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    for violation in results.response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(Problem(url, f"axe {violation['id']} ({violation['impact']}): {targets}"))
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE_WIDTH:
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1
                             && e.offsetParent !== null
                             && !e.closest('.table-wrap, [data-scrolls]'))
                .slice(-3).map(e => e.tagName + '.' + [...e.classList].join('.'))""",
            PHONE_WIDTH,
        )
        problems.append(Problem(url, f"{width} px wide at {PHONE_WIDTH} px: {wide}"))
    page.set_viewport_size(DESKTOP)
    return problems


def crawl(page: Page, base: str, start: list[str], *, limit: int = 300) -> CrawlResult:
    result = CrawlResult()
    seen_views: set[str] = set()
    queued: set[str] = set()
    queue: deque[str] = deque()
    host = urlsplit(base).netloc

    def enqueue(url: str) -> None:
        url = urldefrag(url)[0]
        parts = urlsplit(url)
        if parts.netloc != host or url in queued:
            return
        kind = page_kind(parts.path)
        if kind is None:
            return
        name, key = kind
        if name in SKIP_VIEWS or name.startswith(SKIP_PREFIXES) or key in seen_views:
            return
        seen_views.add(key)
        queued.add(url)
        queue.append(url)

    for path in start:
        enqueue(base + path)
    page.set_viewport_size(DESKTOP)
    while queue and len(result.visited) < limit:
        url = queue.popleft()
        response = page.goto(url)
        result.visited.append(url)
        if response is None or response.status != 200:
            status = response.status if response else "no answer"
            result.problems.append(Problem(url, f"answered {status}"))
            continue
        result.problems.extend(check_page(page, url))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            enqueue(href)
    return result


def login(page: Page, base: str, email: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


if __name__ == "__main__":  # pragma: no cover - a tool for looking at the running demo
    import os

    import django
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    django.setup()
    base_url, *emails = sys.argv[1:]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for email in emails or ["-"]:
            context = browser.new_context(locale="de-DE")
            tab = context.new_page()
            if email != "-":
                login(tab, base_url, email, "teilhabe-demo")
            crawled = crawl(tab, base_url, ["/"] if email != "-" else ["/accounts/login/"])
            print(f"== {email}: {len(crawled.visited)} pages, {len(crawled.problems)} problems")
            if os.environ.get("CRAWL_VERBOSE"):
                print("\n".join(crawled.visited))
            for problem in crawled.problems:
                print("  ", problem)
            context.close()
        browser.close()
