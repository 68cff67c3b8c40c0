"""The dashboard in Debian's chromium (headless, driven by Playwright) against the live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from ew_api_support import SYN_END, SYN_START, CodedStore

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        # the page may only talk to our server: any other request (a CDN) fails the test
        outside: list[str] = []
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                      else (outside.append(route.request.url), route.abort()))  # fmt: skip
        pg = context.new_page()
        pg.outside = outside
        yield pg
        browser.close()


def _wait_loaded(page: Any, before: int) -> None:
    page.wait_for_function(f"Number(document.body.dataset.loads) > {before}", timeout=20_000)
    assert page.locator("#status").get_attribute("class") != "error", page.locator("#status").inner_text()


def _timeline_total(page: Any) -> dict[str, int]:
    return page.evaluate(
        "() => Object.fromEntries(ewCharts.timeline.getOption().series.map("
        "s => [s.name, s.data.reduce((a, b) => a + b, 0)]))"
    )


def _column(page: Any, index: int) -> list[str]:
    return page.locator(f"#events tbody tr td:nth-child({index})").all_inner_texts()


def test_dashboard_filter_changes_table_and_charts(page: Any, base_url: str, coded_store: CodedStore,
                                                   tmp_path: Path) -> None:  # fmt: skip
    period = f"start={SYN_START}&end={SYN_END}"
    page.goto(f"{base_url}/?{period}")
    _wait_loaded(page, 0)
    events = coded_store.events
    assert page.locator("#events tbody tr").count() == min(25, len(events))
    before = _timeline_total(page)
    assert sum(before.values()) == len(events)
    quads = {int(q) for q in _column(page, 5)}
    assert len(quads) > 1, "the unfiltered table should mix quad classes"
    # the trigger is highlighted inside the evidence sentence
    first_mark = page.locator("#events tbody tr").first.locator("mark").inner_text()
    row_id = page.locator("#events tbody tr").first.get_attribute("data-event-id")
    assert first_mark == next(e.trigger for e in events if e.event_id == row_id)
    assert page.evaluate("ewCharts.network.getOption().series[0].links.length") > 0
    assert page.evaluate("ewCharts.dyad.getOption().series[1].data.length") > 0

    loads = int(page.locator("body").get_attribute("data-loads"))
    page.select_option("select[name=quad_class]", "4")
    page.fill("input[name=text]", "")
    page.click("#apply")
    _wait_loaded(page, loads)

    query = parse_qs(urlparse(page.url).query)
    assert query["quad_class"] == ["4"] and query["start"] == [str(SYN_START)]
    expected = [e for e in events if e.quad_class == 4]
    assert set(_column(page, 5)) == {"4"}
    assert page.locator("#events tbody tr").count() == min(25, len(expected))
    after = _timeline_total(page)
    assert sum(after.values()) == len(expected) < sum(before.values())
    assert all(total == 0 for name, total in after.items() if not name.startswith("4"))
    links = "ewCharts.network.getOption().series[0].links"
    edges = page.evaluate(f"{links}.map(l => [l.source, l.target, l.value])")
    for src, tgt, n in edges:
        assert n == sum(1 for e in expected if (e.source_code, e.target_code) == (src, tgt))
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"dashboard screenshot: {shot}")
    assert page.outside == []


def test_shared_url_restores_the_view(page: Any, base_url: str, coded_store: CodedStore) -> None:
    src = coded_store.events[0].source_code
    page.goto(f"{base_url}/?start={SYN_START}&end={SYN_END}&source={src}&interval=month")
    _wait_loaded(page, 0)
    assert page.input_value("input[name=source]") == src
    assert page.input_value("select[name=interval]") == "month"
    assert set(_column(page, 2)) == {src}
    periods = page.evaluate("ewCharts.timeline.getOption().xAxis[0].data")
    assert periods and all(p.endswith("-01") for p in periods)
    # clicking a row shows the event with its mention chains
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#detail:not([hidden]) dl")
    assert "Source chain" in page.locator("#detail").inner_text()


def test_bad_filter_shows_the_api_error(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/?start=2019-05-01&end=2019-01-01")
    page.wait_for_function("Number(document.body.dataset.loads) > 0", timeout=20_000)
    assert page.locator("#status").get_attribute("class") == "error"
    assert "E501" in page.locator("#status").inner_text()
