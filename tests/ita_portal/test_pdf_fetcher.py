"""Review L7: the PDF renderer reads our fonts and inline images and nothing else, whatever
a title or a note smuggles into the HTML (a file outside static/, the network)."""

import http.server
import threading

import pytest

from ita_portal.pdf import lay_out_html
from tests.reports.pdfcheck import embeds_only_sarabun, read_pdf

FONTS = ('<style>@font-face { font-family: "Sarabun"; src: url("fonts/Sarabun-Regular.ttf"); }'
         'body { font-family: "Sarabun"; }</style>')
PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
         "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def web_server():
    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()


def test_only_static_files_and_inline_images_are_read(web_server, tmp_path):
    base, asked = web_server
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the pdf")
    html = (f"<html><head>{FONTS}</head><body><p>ทดสอบ</p>"
            f'<img src="{base}/track.png"><img src="file://{secret}">'
            f'<img src="fonts/../../ita_portal/settings.py"><img src="{PIXEL}"></body></html>')
    document = lay_out_html(html)
    data = document.write_pdf()
    assert asked == []  # the network was never asked
    images = [box for page in document.pages for box in _boxes(page._page_box)
              if type(box).__name__ == "InlineReplacedBox"]
    assert len(images) == 1  # only the data: image was read
    assert embeds_only_sarabun(read_pdf(data, tmp_path, "fetch"))


def _boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child)
