"""Reads every errcat Markdown page with cmark-gfm, an independent GFM parser.

Usage: check_markdown.py OUT_DIR

For each OUT_DIR/<locale>/*.md: every code of OUT_DIR/catalog.json appears exactly once in
the first column of the tables, every table row has exactly the header's cells, and the
description and suggestion cells read exactly as catalog.json's text for that locale
(for texts without Markdown emphasis or code, whose visible form is the text itself). A code's
`description` (catalog.json) ends its description cell, after the message and a one-word label
("Details:"); a code without one has nothing after its message.
"""

import html.parser
import json
import pathlib
import re
import subprocess
import sys

MARKUP = re.compile(r"[*_`\\\[\]]")


class Tables(html.parser.HTMLParser):
    """Collects the text of every table row's cells; <br> reads as a newline."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append((tag, "".join(self.cell)))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def normal(text):
    return " ".join(text.split())


def main(out):
    out = pathlib.Path(out)
    catalog = json.loads((out / "catalog.json").read_text(encoding="utf-8"))
    codes = catalog["codes"]
    problems = []
    pages = sorted(out.glob("*/*.md"))
    if not pages:
        problems.append(f"{out}: no Markdown pages")
    for page in pages:
        locale = page.parent.name
        rendered = subprocess.run(
            ["cmark-gfm", "--extension", "table", "--unsafe", "--to", "html", str(page)],
            check=True, capture_output=True, text=True,
        ).stdout
        parser = Tables()
        parser.feed(rendered)
        seen = {}
        width = None
        for row in parser.rows:
            if row and row[0][0] == "th":
                width = len(row)
                continue
            if len(row) != width:
                problems.append(f"{page}: a row has {len(row)} cells, the header {width}: {row}")
                continue
            code, _status, message, suggestion = (text for _, text in row[:4])
            code = code.strip()
            seen[code] = seen.get(code, 0) + 1
            text = codes.get(code, {}).get("texts", {}).get(locale)
            if text is None:
                problems.append(f"{page}: unknown code {code!r}")
                continue
            if codes[code]["retired"] is not None:
                # The cell starts with the retirement note; the message follows it.
                message = message.split("\n", 1)[-1]
            # catalog.json format 2: each text is {display, variables}; the page shows the display form.
            shown = text["message"]["display"]
            details = (text.get("description") or {}).get("display")
            if details is not None:
                # The message, a line break, the label ("Details:", one or two words), the description,
                # which may hold line breaks itself: the last break that the label follows and, for a
                # text without markup, after which the cell reads as the description.
                found = None
                for at in reversed([i for i, c in enumerate(message) if c == "\n"]):
                    label, sep, rest = message[at + 1:].partition(": ")
                    if sep and 0 < len(label.split()) <= 2 and (MARKUP.search(details) or normal(rest) == normal(details)):
                        found = at
                        break
                if found is None:
                    problems.append(f"{page}: {code}: the cell {message!r} does not end with its description {details!r}")
                    continue
                message = message[:found]
            if not MARKUP.search(shown) and normal(message) != normal(shown):
                problems.append(f"{page}: {code}: description reads {message!r}, expected {shown!r}")
            expected = (text["suggestion"] or {}).get("display")
            if expected is not None and not MARKUP.search(expected) and normal(suggestion) != normal(expected):
                problems.append(f"{page}: {code}: suggestion reads {suggestion!r}, expected {expected!r}")
        for code in codes:
            if seen.get(code, 0) != 1:
                problems.append(f"{page}: {code} appears {seen.get(code, 0)} times, expected once")
        print(f"{page}: {sum(seen.values())} codes, cmark-gfm reads every one once")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
