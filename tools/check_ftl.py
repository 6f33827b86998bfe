"""Parses every .ftl file of the shipped catalog with Mozilla's reference
parser (fluent.syntax) and fails on any syntax error (Junk entry).
Also fails if a non-Chinese locale contains Chinese characters (untranslated text)."""
import pathlib
import re
import sys

from fluent.syntax import FluentParser, ast

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def main(root: pathlib.Path) -> int:
    parser = FluentParser(with_spans=True)
    problems = []
    files = sorted(root.glob("*/**/*.ftl"))
    messages = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        resource = parser.parse(text)
        locale = path.relative_to(root).parts[0]
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                line = text.count("\n", 0, entry.span.start) + 1
                for annotation in entry.annotations:
                    problems.append(f"{path}:{line}: {annotation.code}: {annotation.message}")
            elif isinstance(entry, ast.Message):
                messages += 1
        if not locale.startswith("zh"):
            for number, line in enumerate(text.splitlines(), 1):
                if CJK.search(line):
                    problems.append(f"{path}:{number}: Chinese text in {locale}: {line.strip()}")
    for problem in problems:
        print(problem)
    if not files:
        print(f"no .ftl files under {root}")
        return 1
    print(f"fluent.syntax: {len(files)} files, {messages} messages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "locales")))
