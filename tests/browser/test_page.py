"""The page of `conform serve` in a real browser (Debian's Chromium, driven by Playwright): a
CSV and a spreadsheet uploaded as an officer would, the findings read off the page, the page in
Welsh, a report downloaded, the keyboard, the page without JavaScript, and axe-core's WCAG 2.2 AA
rules on every page. Screenshots go to $SCREENSHOTS (target/screenshots) to be looked at."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = os.environ.get("CONFORM_BIN", str(ROOT / "target" / "debug" / "conform"))
SHOTS = Path(os.environ.get("SCREENSHOTS", ROOT / "target" / "screenshots"))
AXE = Path(os.environ.get("AXE_JS", ROOT / "target" / "axe-core" / "axe.min.js"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium on a machine without the internet: no background connections, no sandbox as root.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SPEND = ROOT / "fixtures" / "formats" / "spend.csv"
WORKBOOK = ROOT / "fixtures" / "formats" / "spend.xlsx"


@pytest.fixture(scope="module")
def server():
    process = subprocess.Popen([BIN, "serve", "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    url = re.search(r"http://\S+/", line).group(0)
    yield url
    process.kill()
    process.wait()


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def check_file(page, server, path: Path, standard: str = "auto"):
    page.goto(server)
    page.set_input_files("#file", str(path))
    page.select_option("#standard", standard)
    page.click("button[type=submit]")
    page.wait_for_selector(".govuk-panel")


def axe_violations(page):
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_a_csv_upload_shows_each_problem_and_the_cell(page, server):
    check_file(page, server, SPEND)
    expect(page.locator(".govuk-panel__title")).to_have_text("The file does not conform")
    # The standard was worked out from the file, and the page says how.
    expect(page.locator(".govuk-inset-text")).to_contain_text("matched spend-over-500")
    summary = page.locator(".govuk-error-summary__list a")
    expect(summary).to_have_count(2)
    expect(summary.first).to_contain_text("Transaction date")
    # The summary's link leads to the problem, which says what is wrong and how to fix it.
    summary.first.click()
    problem = page.locator("#problem-1")
    expect(problem).to_contain_text("`31/04/2025` in `Transaction date` is not a UK date")
    expect(problem).to_contain_text("month 4 has no day 31")
    expect(problem).to_contain_text("row 2 (line 3), column 3")
    # The table of rows marks the bad cell in words, not colour alone.
    bad = page.locator(".conform-bad-cell")
    expect(bad.first).to_contain_text("31/04/2025")
    expect(bad.first.locator(".govuk-visually-hidden")).to_have_text("Problem:")
    page.screenshot(path=str(SHOTS / "result-csv-en.png"), full_page=True)


def test_a_spreadsheet_upload_names_the_sheet_and_cell(page, server):
    check_file(page, server, WORKBOOK, "spend-over-500")
    expect(page.locator(".govuk-panel__title")).to_have_text("The file does not conform")
    text = page.locator("main").inner_text()
    # Spreadsheet places are written as Excel writes them.
    assert re.search(r"Spend!C\d+", text), text
    expect(page.locator("main")).to_contain_text("#N/A")
    page.screenshot(path=str(SHOTS / "result-xlsx-en.png"), full_page=True)


def test_the_page_switches_to_welsh(page, server):
    page.goto(server)
    page.click("text=Cymraeg")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_have_text("Gwirio ffeil ddata yn erbyn safon")
    page.screenshot(path=str(SHOTS / "home-cy.png"), full_page=True)
    page.set_input_files("#file", str(SPEND))
    page.click("button[type=submit]")
    page.wait_for_selector(".govuk-panel")
    expect(page.locator(".govuk-panel__title")).to_have_text("Nid yw'r ffeil yn cydymffurfio")
    expect(page.locator(".govuk-error-summary__title")).to_have_text("Mae problem")
    expect(page.locator("main")).to_contain_text("Nid yw'r gwerth yn y fformat gofynnol")
    # The findings themselves, and their fixes, are in Welsh too.
    expect(page.locator("main")).to_contain_text("nid rhif yw `£1,496.00` yn `Net amount`")
    expect(page.locator("main")).to_contain_text("ysgrifennwch ef fel 1496.00")
    page.screenshot(path=str(SHOTS / "result-csv-cy.png"), full_page=True)
    # And back.
    page.click("text=English")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_report_downloads_as_the_command_line_writes_it(page, server, tmp_path):
    check_file(page, server, SPEND)
    for label, fmt in [("The report as CSV", "csv"), ("The report as JSON", "json"),
                       ("The report as Markdown", "markdown")]:
        with page.expect_download() as download:
            page.click(f"text={label}")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        cli = subprocess.run([BIN, "check", "spend.csv", "--format", fmt], cwd=SPEND.parent,
                             capture_output=True)
        assert saved.read_bytes() == cli.stdout, fmt
    assert json.loads((tmp_path / "spend.conform.json").read_text())["valid"] is False
    with page.expect_download() as template:
        page.click("text=A blank template of the spend table (CSV)")
    header = template.value.path().read_text().splitlines()[0]
    assert header.startswith("Body name,") or "Transaction date" in header, header


def test_the_page_works_by_keyboard(page, server):
    page.goto(server)
    page.keyboard.press("Tab")
    expect(page.locator(".govuk-skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    # The form's controls are reached in order, each with a visible label.
    page.focus("#file")
    page.keyboard.press("Tab")
    expect(page.locator("#standard")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("button[type=submit]")).to_be_focused()
    # Pressing Check with no file: the error summary names the problem and links to the field.
    page.keyboard.press("Enter")
    page.wait_for_selector(".govuk-error-summary")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a file to check")
    expect(page.locator("#file-error")).to_contain_text("Choose a file to check")
    page.screenshot(path=str(SHOTS / "home-error-en.png"), full_page=True)


def test_the_page_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    check_file(page, server, SPEND)
    expect(page.locator(".govuk-panel__title")).to_have_text("The file does not conform")
    context.close()


@pytest.mark.parametrize("where", ["home", "result", "result-cy", "error", "standards"])
def test_every_page_passes_axe_core(browser, server, where):
    # axe is put into the page by the test tool, which the page's policy would rightly refuse.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    if where == "home":
        page.goto(server)
    elif where == "result":
        check_file(page, server, SPEND)
    elif where == "result-cy":
        page.goto(server + "?lang=cy")
        page.set_input_files("#file", str(SPEND))
        page.click("button[type=submit]")
        page.wait_for_selector(".govuk-panel")
    elif where == "error":
        page.goto(server)
        page.click("button[type=submit]")
        page.wait_for_selector(".govuk-error-summary")
    else:
        page.goto(server + "standards")
    violations = axe_violations(page)
    context.close()
    assert violations == [], violations
