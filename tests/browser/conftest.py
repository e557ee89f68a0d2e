"""Playwright driving Debian's Chromium. With E2E_REQUIRED=1 (CI) a missing browser fails."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (run scripts/setup.sh as root)"
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def accept_dialog(dialog):
    """An "are you sure?" question: journeys say yes unless a test listens itself."""
    dialog.accept()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Generous: on a loaded shared machine the first request of a live server can take >15 s.
    page.set_default_timeout(int(os.environ.get("E2E_TIMEOUT_MS", 60000)))
    page.on("dialog", accept_dialog)
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name, **kwargs):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), **{"full_page": True, **kwargs})
        return path

    return take


@pytest.fixture
def demo(transactional_db):
    """The demo municipality in a live-server database (flushed after each browser test)."""
    from demo.loader import load_demo
    from indicators.criteria_loader import load_all

    load_all()
    return load_demo()[0]


@pytest.fixture
def log_in(page, live_server):
    """Sign in through the form; where two-factor is asked, type the code of the user's
    authenticator device (given one first if they have none, as if enrolled earlier)."""

    def go(username, password):
        page.context.clear_cookies()
        sign_in(page, f"{live_server.url}/accounts/login/", username, password)

    return go


def sign_in(page, login_url, username, password):
    """The sign-in form at `login_url`, then the second factor where it is asked."""
    page.goto(login_url)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/2fa/" in page.url:
        pass_two_factor_in_browser(page, username)


def pass_two_factor_in_browser(page, username):
    from django_otp.oath import TOTP

    from organizations.models import User
    from tests.twofactor import confirmed_device, totp_code

    device = confirmed_device(User.objects.get(username=username))
    if "/accounts/2fa/setup/" in page.url:  # enrolled meanwhile: the verify page asks now
        page.goto(page.url.replace("/2fa/setup/", "/2fa/verify/"))
    device.refresh_from_db()
    # A TOTP code is accepted once: signing in again within the same 30 s takes the next one.
    now = TOTP(device.bin_key, device.step, device.t0, device.digits).t()
    page.fill("#id_token", totp_code(device, drift=1 if device.last_t >= now else 0))
    page.click("#two-factor-form button[type=submit]")
    page.wait_for_load_state()
