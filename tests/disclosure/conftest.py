"""A local web server that answers like a municipality's website does on a bad day."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = ("<html><body><h1>แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ ๒๕๖๕</h1>"
        "<p>เทศบาลตำบลทดสอบ เผยแพร่แผนการจัดซื้อจัดจ้างเพื่อให้ประชาชนตรวจสอบได้</p>"
        "</body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    routes = {}

    def do_GET(self):  # noqa: N802 (the stdlib's name)
        status, headers, body = self.routes.get(self.path.split("?")[0],
                                                (404, {}, b"not found"))
        if callable(body):
            body = body()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value.format(port=self.server.server_port))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def slow():
    time.sleep(1.5)
    return PAGE


HTML = {"Content-Type": "text/html; charset=utf-8"}
ROUTES = {
    "/ok": (200, HTML, PAGE),
    "/doc.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 tiny"),
    "/empty": (200, HTML, b"<html><body>   </body></html>"),
    "/missing": (404, HTML, b"<h1>404</h1>"),
    "/gone": (410, HTML, b"gone"),
    "/forbidden": (403, HTML, b"no"),
    "/unauthorised": (401, HTML, b"no"),
    "/too-many": (429, HTML, b"slow down"),
    "/error": (500, HTML, b"error"),
    "/r1": (301, {"Location": "/r2"}, b""),
    "/r2": (302, {"Location": "http://127.0.0.1:{port}/ok"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-other-host": (301, {"Location": "http://127.0.0.2:{port}/ok"}, b""),
    "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
    "/slow": (200, HTML, slow),
}


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that timed out on /slow is expected, not an error


def serve(address):
    Handler.routes = ROUTES
    server = QuietServer((address, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def site():
    """The test website on 127.0.0.1, and the same pages on another host, 127.0.0.2."""
    main = serve("127.0.0.1")
    other = serve("127.0.0.2")
    other_port = other.server_port
    routes = dict(ROUTES)
    routes["/to-other-host"] = (301, {"Location": f"http://127.0.0.2:{other_port}/ok"}, b"")
    Handler.routes = routes
    yield f"http://127.0.0.1:{main.server_port}"
    main.shutdown()
    other.shutdown()


@pytest.fixture
def allow_local(settings):
    settings.LINKCHECK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    settings.LINKCHECK_TIMEOUT_SECONDS = 0.5
