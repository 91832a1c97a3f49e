"""The page of `gongwen serve` in headless Chromium (Playwright driving the system's
Chromium): upload the seed, a Word file and a saved web page, read the problems, units and targets off the
page and compare them with the command line's; switch to English; a phone's width; the
ledger download; the form without JavaScript. Skipped (failed under CI=true) without
Playwright, Chromium or a built `gongwen` binary."""

import json
import os
import pathlib
import shutil
import subprocess
import zipfile
from xml.sax.saxutils import escape

from conftest import require, require_module
from test_spark import cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ae5005f7988b7668.txt"
FIXTURE = ROOT / "fixtures" / "action_plan.txt"
PAGE = ROOT / "fixtures" / "page.html"
SHOTS = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "serve-page"


def docx(text, path):
    """A minimal Word file: one paragraph per line of `text`."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in text.splitlines()
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)


class Server:
    def __init__(self, binary, *args):
        self.proc = subprocess.Popen(
            [binary, "serve", "--bind", "127.0.0.1:0", *args],
            stderr=subprocess.PIPE,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "GONGWEN_TOKEN"},
        )
        first = self.proc.stderr.readline()
        assert "listening on http://" in first, first
        self.url = first.strip().split("listening on ")[1]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def expected(binary, path):
    run = lambda *a: json.loads(subprocess.run([binary, *a, str(path)], capture_output=True, check=False).stdout)
    problems = run("check", "--format", "json")
    units = run("departments", "--format", "json")
    targets = [q for q in run("quantities", "--format", "json") if q["target"]]
    return len(problems), len(units), len(targets)


def test_the_page_shows_problems_units_and_targets(tmp_path):
    sync = require_module("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    require(chromium, "no Chromium")
    binary = cli()
    require(binary, "no gongwen binary (cargo build first, or set GONGWEN_BIN)")
    word = tmp_path / "行动计划.docx"
    docx(FIXTURE.read_text(encoding="utf-8"), word)
    want = [expected(binary, SEED), expected(binary, word), expected(binary, PAGE)]
    assert want[0][0] > 0 and want[0][1] > 0 and want[0][2] > 0
    # The Word file and the web page have owners and targets too: the counts say something.
    assert all(units > 0 and targets > 0 for _, units, targets in want)
    SHOTS.mkdir(parents=True, exist_ok=True)
    server = Server(binary)
    try:
        with sync.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(server.url + "/")
            assert page.locator("html").get_attribute("data-lang") == "zh"
            assert page.locator("h1").inner_text().startswith("公文检查")
            page.set_input_files("#files", [str(SEED), str(word), str(PAGE)])
            page.click("#go")
            page.wait_for_selector("#results[data-done=true]", timeout=60000)
            cards = page.locator("section.doc")
            assert cards.count() == 3
            for k, (problems, units, targets) in enumerate(want):
                card = cards.nth(k)
                assert card.get_attribute("data-problems") is not None, card.inner_text()
                assert int(card.get_attribute("data-problems")) == problems
                assert int(card.get_attribute("data-units")) == units
                assert int(card.get_attribute("data-targets")) == targets
                assert card.locator(".who tbody tr").count() == max(units, 1)
                assert card.locator(".targets tbody tr").count() == max(targets, 1)
            seed = cards.nth(0)
            assert seed.locator("h2").inner_text() == SEED.name
            assert "发现" in seed.locator(".status").inner_text()
            # The seed numbers two items 15 and none 14.
            assert "duplicate-number" in seed.locator(".problems").inner_text()
            assert "省邮政管理局" in seed.locator(".who").inner_text()
            page.screenshot(path=str(SHOTS / "desktop-zh.png"), full_page=True)

            with page.expect_download() as d:
                seed.locator(".downloads a").nth(0).click()
            ledger = pathlib.Path(d.value.path()).read_text(encoding="utf-8")
            out = subprocess.run([binary, "ledger", str(SEED), "--lang", "zh", "--format", "csv"],
                                 capture_output=True, text=True, check=True).stdout
            assert ledger == out

            page.click("#lang-en")
            assert page.locator("html").get_attribute("data-lang") == "en"
            assert "problem" in seed.locator(".status").inner_text()
            assert "Who does what" in page.locator("section.doc").nth(0).inner_text()

            phone = browser.new_page(viewport={"width": 375, "height": 800})
            phone.goto(server.url + "/")
            phone.set_input_files("#files", [str(SEED)])
            phone.click("#go")
            phone.wait_for_selector("#results[data-done=true]", timeout=60000)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"the page is {width} px wide on a 375 px phone"
            phone.screenshot(path=str(SHOTS / "phone-zh.png"), full_page=True)

            # Without JavaScript the form posts the first file and shows its report.
            plain = browser.new_context(java_script_enabled=False).new_page()
            plain.goto(server.url + "/")
            plain.set_input_files("#files", [str(SEED)])
            with plain.expect_navigation():
                plain.click("#go")
            assert "服务业" in plain.title() or "服务业" in plain.content()
            assert plain.locator("body").inner_text().count("省邮政管理局") > 0
            browser.close()
    finally:
        server.stop()
