"""Reading our PDFs back the way a committee member's viewer does."""

import html
import re
import subprocess
from dataclasses import dataclass


@dataclass
class PdfFacts:
    fonts: str
    text: str  # pdftotext -raw: content-stream order, no joining of "E-" + next line
    pages: int


def read_pdf(data, tmp_path, name="report"):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)

    def run(*command):
        return subprocess.run([*command, str(path), *(["-"] if command[0] == "pdftotext"
                                                      else [])],
                              capture_output=True, text=True, check=True).stdout

    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo")).group(1))
    return PdfFacts(run("pdffonts"), run("pdftotext", "-raw"), pages)


def squash(text):
    return re.sub(r"\s+", "", html.unescape(text))


def missing_paragraphs(facts, paragraphs):
    """The source paragraphs whose text the PDF does not give back exactly."""
    extracted = squash(facts.text)
    return [p for p in paragraphs if p.strip() and squash(p) not in extracted]


def embeds_only_sarabun(facts):
    names = [line.split()[0] for line in facts.fonts.splitlines()[2:] if line.strip()]
    return bool(names) and all("Sarabun" in name for name in names)
