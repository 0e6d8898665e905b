"""`pgpe diff --format markdown` parsed as CommonMark (with GFM tables) by markdown-it-py: the
pull-request comment renders as a heading, a summary, tables of changes and witnesses, and no
text from the project becomes markup or raw HTML."""

import os
import shutil
import subprocess
from pathlib import Path

from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parent.parent
PGPE_BIN = os.environ.get("PGPE_BIN") or str(REPO / ".build" / "debug" / "pgpe")

OPEN_TASKS = "\nPOLICY open_tasks PERMISSIVE FOR SELECT SELECTOR named('tasks')\n  CLAUSE col(status) = lit('a|b`<i>*x*')\n"


def diff_markdown(tmp_path: Path, edit: str) -> str:
    base = tmp_path / "base"
    current = tmp_path / "current"
    shutil.copytree(REPO / "examples" / "saas", base)
    shutil.copytree(REPO / "examples" / "saas", current)
    with open(current / "policies" / "tenancy.policy", "a", encoding="utf-8") as policy:
        policy.write(edit)
    run = subprocess.run(
        [PGPE_BIN, "diff", "--base-dir", str(base), "--format", "markdown"],
        cwd=current, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_markdown_renders_as_tables_without_raw_html(tmp_path):
    text = diff_markdown(tmp_path, OPEN_TASKS)
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(text)
    kinds = [token.type for token in tokens]
    assert "html_block" not in kinds
    inline = [child for token in tokens if token.type == "inline" for child in token.children or []]
    assert not [child for child in inline if child.type == "html_inline"], text
    assert "em_open" not in [child.type for child in inline], "the literal's *x* stays text"
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert headings[0].startswith("pgpe diff against ")
    assert "public.tasks" in headings
    assert kinds.count("table_open") >= 3, text
    # The change table: header and one row, five cells each.
    first = kinds.index("table_open")
    close = kinds.index("table_close", first)
    cells = [tokens[i + 1].content for i in range(first, close) if tokens[i].type in ("th_open", "td_open")]
    assert cells[:5] == ["Change", "Command", "Role", "Side", "Clause"]
    assert cells[5:9] == ["added", "SELECT", "PUBLIC", "USING"]
    assert cells[9].startswith("policy open\\_tasks, policies/tenancy.policy:"), cells
    # The witness value is one code span holding the literal, its pipe kept inside the cell.
    codes = [child.content for child in inline if child.type == "code_inline"]
    assert "'a|b`<i>*x*'" in codes, codes
    html = parser.render(text)
    assert "<table>" in html and "<i>" not in html


def test_no_change_is_one_summary(tmp_path):
    text = diff_markdown(tmp_path, "\n// only a comment\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert [token.type for token in tokens].count("table_open") == 0
    assert "**No access changes**: 0 added, 0 removed, 25 unchanged, 0 unknown." in text
