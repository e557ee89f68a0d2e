"""SVG chart text shaped like the body text: each <text> laid out as one run, not per letter.

WeasyPrint 70 draws SVG text one character at a time (to honour per-letter x/y/rotate). Thai
marks then lose their positioning: the mai ek of "หน้าที่" disappears under the sara ii, and
every chart label differs from the same words in the body. Our charts never position single
letters, so a <text> with one x, one y and no per-letter attributes is laid out as a single
run — the same Pango shaping as the body text; anything else keeps WeasyPrint's own path.
Pinned, like ita_portal.pdf_text, to the version it was verified with.
"""

import weasyprint
from weasyprint import svg as weasy_svg

VERIFIED_VERSION = "70.0"
PER_LETTER = ("dx", "dy", "rotate", "textLength", "letter-spacing")


class WholeRun(str):
    """A text that iterates as one 'letter', so WeasyPrint lays it out in one go."""

    def __iter__(self):
        yield str(self)


def _single(node, name):
    return len(str(node.attrib.get(name, "")).split()) <= 1


def _is_plain(node):
    return (node.text and not any(node.attrib.get(name) for name in PER_LETTER)
            and _single(node, "x") and _single(node, "y"))


def install():
    if weasyprint.__version__ != VERIFIED_VERSION:
        raise RuntimeError(f"ita_portal.pdf_svg is verified with WeasyPrint {VERIFIED_VERSION}, "
                           f"not {weasyprint.__version__}: re-verify it before upgrading.")
    original = weasy_svg.TAGS["text"]
    if getattr(original, "whole_run", False):
        return

    def text(svg, node, font_size):
        if not _is_plain(node):
            return original(svg, node, font_size)
        element = node._etree_node
        plain = element.text
        element.text = WholeRun(plain)
        try:
            return original(svg, node, font_size)
        finally:
            element.text = plain

    text.whole_run, text.original = True, original
    weasy_svg.text = text  # draw_node compares TAGS entries with this name
    for tag, drawer in list(weasy_svg.TAGS.items()):
        if drawer is original:
            weasy_svg.TAGS[tag] = text
