"""The static catalog site, opened in a real headless Chromium (Debian's) through Selenium."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from app.catalog import publish_to_catalog, update_static_site, withdraw
from publish.static_site import page_name
from tests.conftest import approved_document, desk_args
from tests.run_day import TODAY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def _publish(workspace, people, path, title, category, summary):
    doc_id = approved_document(workspace, people, path, title, category, doc_number="示城管〔2026〕12号")
    return publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, published_on=TODAY, summary=summary
    ).index_no


def test_visitor_sees_searches_and_opens_entries(workspace, people, sample_files, browser, tmp_path):
    site = tmp_path / "site"
    heating = _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于做好冬季供暖保障工作的通知",
        "城乡建设、环境保护\\城市管理",
        "供暖",
    )
    other = _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于开展安全生产大检查的通告",
        "市场监管、安全生产监管\\安全生产",
        "检查",
    )
    assert update_static_site(workspace.db, site) > 0
    browser.get((site / "index.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows tr")
    assert len(rows) == 2 and "共 2 条" in browser.find_element(By.ID, "count").text
    search = browser.find_element(By.ID, "q")
    search.send_keys("冬季供暖保障工作")
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows tr")
    assert [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows] == [heating]
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "关于做好冬季供暖保障工作的通知"
    meta = browser.find_element(By.CSS_SELECTOR, "table.meta").text
    assert heating in meta and "示城管〔2026〕12号" in meta and "有效性" not in meta  # a notice has none
    pdf_link = browser.find_element(By.CSS_SELECTOR, "p.file a").get_attribute("href")
    assert Path(pdf_link.removeprefix("file://")).read_bytes().startswith(b"%PDF")
    # Filter by category from the address, as a link from elsewhere would.
    browser.get((site / "index.html").as_uri() + "?category=" + "市场监管、安全生产监管\\安全生产")
    rows = browser.find_elements(By.CSS_SELECTOR, "#rows tr")
    assert [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows] == [other]


def test_updates_are_incremental_and_withdrawal_removes_the_page(workspace, people, sample_files, tmp_path):
    site = tmp_path / "site"
    index_no = _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于做好冬季供暖保障工作的通知",
        "城乡建设、环境保护\\城市管理",
        "供暖",
    )
    update_static_site(workspace.db, site)
    assert update_static_site(workspace.db, site) == 0  # nothing changed, nothing rewritten
    # A published file damaged on the server is put back from the verified bytes.
    (pdf,) = (site / "files").glob("*.pdf")
    pdf.write_bytes(b"%PDF-1.7 tampered")
    assert update_static_site(workspace.db, site) == 1
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == pdf.stem
    pages = list((site / "entries").glob("*.html"))
    assert len(pages) == 1
    withdraw(workspace.db, people.publisher, index_no, "内容有误")
    update_static_site(workspace.db, site)
    # Only a small 已撤回 page stays where the entry was; its file is gone.
    assert [p.name for p in (site / "entries").glob("*.html")] == [pages[0].name]
    assert "已撤回" in pages[0].read_text(encoding="utf-8") and not pdf.exists()
    assert index_no not in (site / "catalog.js").read_text(encoding="utf-8")


def test_cli_publish_with_static_target(workspace, people, sample_files, tmp_path):
    doc_id = approved_document(workspace, people, sample_files["clean"])
    workspace.close()
    site = tmp_path / "out-site"
    r = subprocess.run(
        [
            sys.executable,
            "main.py",
            *desk_args(workspace),
            "--user",
            "publisher",
            "publish",
            str(doc_id),
            "--summary",
            "供暖",
            "--target",
            "static",
            "--site",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DESK_PASSWORD": "test-password-1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "TEST00001/2026-00001" in r.stdout and (site / "index.html").exists()


def test_pages_are_valid_html_and_accessible(workspace, people, sample_files, tmp_path):
    """Parsed strictly by html5lib (a WHATWG parser): any parse error fails; basic accessibility."""
    import html5lib

    site = tmp_path / "site"
    _publish(
        workspace,
        people,
        sample_files["clean"],
        "关于做好冬季供暖保障工作的通知",
        "城乡建设、环境保护\\城市管理",
        "供暖<保障>&",
    )
    update_static_site(workspace.db, site)
    pages = [site / "index.html", *sorted((site / "entries").glob("*.html"))]
    assert len(pages) == 2
    for page in pages:
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page.read_bytes())
        assert tree.get("lang") == "zh-CN"
        assert tree.find(".//title").text
        assert all(th.get("scope") in ("row", "col") for th in tree.iter("th"))
        for label in tree.iter("label"):
            assert label.find("input") is not None or label.find("select") is not None
        assert not [
            c
            for c in tree.iter()
            if c.tag in ("input", "select") and c not in {x for label in tree.iter("label") for x in label}
        ]
    entry = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(pages[1].read_bytes())
    assert "供暖<保障>&" in "".join(entry.itertext())  # escaped in the file, shown as written


def test_visitor_follows_interpretation_links_both_ways(workspace, people, sample_files, browser, tmp_path):
    import html5lib

    from tests.test_interpretations import approve_doc, attach, draft, submit_and_check

    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id)
    submit_and_check(workspace, people, doc_id, interp_id)
    approve_doc(workspace, people, doc_id)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖保障")
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    for page in (site / "entries").glob("*.html"):
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page.read_bytes())

    browser.get((site / "index.html").as_uri())
    titles = [
        r.find_elements(By.TAG_NAME, "td")[1].text for r in browser.find_elements(By.CSS_SELECTOR, "#rows tr")
    ]
    assert "《关于做好冬季供暖保障工作的通知》政策解读（文字解读）" in titles
    browser.get((site / "entries" / page_name(entry.index_no)).as_uri())
    browser.find_element(By.CSS_SELECTOR, "ul.interpretations a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "《关于做好冬季供暖保障工作的通知》政策解读"
    assert "文字解读" in browser.find_element(By.CSS_SELECTOR, "table.meta").text
    browser.find_element(By.CSS_SELECTOR, "p.interprets a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "关于做好冬季供暖保障工作的通知"


def test_the_list_reads_without_javascript_under_the_departments_header_and_footer(
    workspace, people, sample_files, tmp_path
):
    import html5lib

    category = "城乡建设、环境保护\\城市管理"
    _publish(workspace, people, sample_files["clean"], "关于做好冬季供暖保障工作的通知", category, "供暖")
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    tree = html5lib.parse((site / "index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
    for script in tree.iter("script"):
        script.clear()  # what a visitor without JavaScript reads
    rows = [["".join(td.itertext()) for td in row.findall("td")] for row in tree.findall(".//tbody/tr")]
    assert [row[1:4] for row in rows] == [["关于做好冬季供暖保障工作的通知", "示城管〔2026〕12号", category]]
    assert [th.text for th in tree.findall(".//thead/tr/th")][3] == "主题分类"
    assert tree.find(".//header/a").text == "测试市数据局 政府信息公开目录"
    assert "主办单位：测试市数据局" in "".join(tree.find(".//footer").itertext())
