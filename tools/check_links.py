"""The Markdown and HTML pages of an errcat build link the same URLs for every code.

Usage: check_links.py OUT_DIR

For each OUT_DIR/<locale>/: error-codes.md read by cmark-gfm with GitHub's table and autolink
extensions (so `www.`, bare URLs and e-mail addresses are linked as on GitHub), and index.html read
by Python's HTML parser. For every code, the links of its table row (the code's own anchor aside)
must be the links of its <article> (the heading's #CODE link aside), in order.
"""

import html.parser
import pathlib
import subprocess
import sys


class Links(html.parser.HTMLParser):
    """Collects, per code, the hrefs of the links in its table row or its article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = {}
        self.current = None
        self.first_cell = False
        self.cell_text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "id" in attrs:
            self.current = attrs["id"]
            self.links[self.current] = []
        elif tag == "tr":
            self.current = None
            self.first_cell = True
        elif tag == "a" and "href" in attrs and self.current is not None:
            if attrs["href"] != f"#{self.current}":
                self.links[self.current].append(attrs["href"])
        elif tag == "a" and "id" in attrs and self.first_cell:
            self.current = attrs["id"]
            self.links[self.current] = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.first_cell = False
        elif tag == "article":
            self.current = None


def links(text):
    parser = Links()
    parser.feed(text)
    return parser.links


def main(out):
    problems = []
    pages = sorted(pathlib.Path(out).glob("*/error-codes.md"))
    for page in pages:
        rendered = subprocess.run(
            ["cmark-gfm", "--extension", "table", "--extension", "autolink", "--unsafe", "--to", "html", str(page)],
            check=True, capture_output=True, text=True,
        ).stdout
        in_markdown = links(rendered)
        in_html = links((page.parent / "index.html").read_text(encoding="utf-8"))
        if set(in_markdown) != set(in_html) or not in_html:
            problems.append(f"{page}: the pages list different codes")
        for code, hrefs in sorted(in_html.items()):
            if in_markdown.get(code) != hrefs:
                problems.append(f"{page}: {code} links {in_markdown.get(code)} in Markdown, {hrefs} in HTML")
        count = sum(len(h) for h in in_html.values())
        print(f"{page.parent}: {len(in_html)} codes, {count} links, the same in Markdown (GFM) and HTML")
    if not pages:
        problems.append(f"{out}: no Markdown pages")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
