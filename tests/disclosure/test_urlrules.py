import pytest
from django.core.exceptions import ValidationError

from disclosure.urlrules import normalise_url, off_site_reason


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://ArunNikhom.go.th/oit#top", "https://arunnikhom.go.th/oit"),
    ("arunnikhom.go.th/o1", "https://arunnikhom.go.th/o1"),
    ("http://arunnikhom.go.th:80", "http://arunnikhom.go.th/"),
    ("https://arunnikhom.go.th:8443/a?b=1", "https://arunnikhom.go.th:8443/a?b=1"),
    ("https://เทศบาล.ไทย/ข้อมูล", "https://xn--o3cg7ak5c9d.xn--o3cw4h/"
     "%E0%B8%82%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B8%B9%E0%B8%A5"),
    # review L8: spaces, quotes and <> are encoded; an encoded URL stays as it is
    ('https://arunnikhom.go.th/a b<c>"d', "https://arunnikhom.go.th/a%20b%3Cc%3E%22d"),
    ("https://arunnikhom.go.th/a%20b?q=ก ข", "https://arunnikhom.go.th/a%20b?q=%E0%B8%81%20%E0%B8%82"),
])
def test_urls_are_normalised(raw, expected):
    assert normalise_url(raw) == expected


@pytest.mark.parametrize("raw", ["ftp://arunnikhom.go.th/x", "https://", "javascript:alert(1)",
                                 "https://localhost/", "http://[::1", ""])
def test_bad_urls_are_refused_in_thai(raw):
    with pytest.raises(ValidationError) as info:
        normalise_url(raw)
    assert "URL" in info.value.messages[0]


@pytest.mark.parametrize(("url", "accepted"), [
    ("https://arunnikhom.go.th/o1", True),
    ("https://www.arunnikhom.go.th/o1", True),
    ("https://oit.arunnikhom.go.th/o1", False),      # a sub-site is not the main website
    ("https://drive.google.com/file/d/1", False),
    ("https://arunnikhom.go.th.evil.example/o1", False),
    ("https://notarunnikhom.go.th/o1", False),
])
def test_main_website_rule(url, accepted):
    reason = off_site_reason(url, ["arunnikhom.go.th"])
    assert (reason is None) == accepted
    if not accepted:
        assert "ต้องเป็นการเข้าถึงผ่าน URL บนเว็บไซต์หลักของหน่วยงานโดยตรง" in reason


def test_a_declared_second_domain_is_a_main_website():
    assert off_site_reason("https://oit.arunnikhom.go.th/x",
                           ["arunnikhom.go.th", "oit.arunnikhom.go.th"]) is None


def test_no_declared_domain_says_so():
    assert "ยังไม่ได้ระบุโดเมน" in off_site_reason("https://a.go.th/", [])
