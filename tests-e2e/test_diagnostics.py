"""Diagnostics end to end: syntax errors on open, and a leak found by the background proofs
that appears after the edit that causes it and disappears when the clause is fixed."""

import pytest
from lsprotocol import types

from conftest import change_document, codes, open_document, wait_for_diagnostics, wait_for_proofs

THREE_ERRORS = """POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')

POLICY b PERMISSIVE FOR SELEC SELECTOR ALL CLAUSE col(id) = lit('x')

POLICY c PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id = lit('x')

POLICY d PERMISSIVE FOR SELECT SELECTOR has_column(id CLAUSE col(id) = lit('x')

POLICY e RESTRICTIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')
"""


async def test_a_file_with_three_syntax_errors_gets_three_diagnostics(client):
    path = client.root / "policies" / "broken.policy"
    uri = open_document(client, path, THREE_ERRORS)
    diagnostics = await wait_for_diagnostics(
        client, uri, lambda found: any(code.startswith("syntax.") for code in codes(found)), version=1
    )
    syntax = [d for d in diagnostics if str(d.code).startswith("syntax.")]
    assert len(syntax) == 3, [(d.range.start.line, d.code, d.message) for d in syntax]
    assert [d.range.start.line for d in syntax] == [2, 4, 6]
    assert all(d.severity == types.DiagnosticSeverity.Error for d in syntax)
    assert all(d.source == "pgpe" for d in syntax)
    assert "expected" in syntax[0].message


async def test_a_leak_appears_after_the_background_proof_and_disappears_when_fixed(client):
    path = client.root / "policies" / "tenancy.policy"
    text = path.read_text()
    uri = open_document(client, path, text)
    await wait_for_diagnostics(client, uri, lambda found: True, version=1)
    await wait_for_proofs(client, uri)
    assert not any(code.startswith("proof.") for code in codes(client.diagnostics.get(uri, [])))

    # Line 5 (0-based 5) is "  CLAUSE col('tenant_id') = session('app.tenant_id')".
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if l.startswith("  CLAUSE col('tenant_id')"))
    end = len(lines[line])
    leak = "\n  OR CLAUSE col(id) IS NOT NULL"
    change_document(client, uri, 2, (line, end), (line, end), leak)
    # Syntax and semantic diagnostics come at once and are clean; the leak comes later.
    first = await wait_for_diagnostics(client, uri, lambda found: True, version=2)
    assert "proof.tenant-isolation-failed" not in codes(first)
    leaks = await wait_for_diagnostics(
        client, uri, lambda found: "proof.tenant-isolation-failed" in codes(found), version=2, timeout=60
    )
    leak_diagnostics = [d for d in leaks if d.code == "proof.tenant-isolation-failed"]
    assert all(d.range.start.line == line + 1 for d in leak_diagnostics)
    assert all(d.severity == types.DiagnosticSeverity.Error for d in leak_diagnostics)
    assert any("session 1" in d.message and "session 2" in d.message for d in leak_diagnostics)

    # Fix it: remove the clause again.
    change_document(client, uri, 3, (line, end), (line + 1, len(leak) - 1), "")
    fixed = await wait_for_diagnostics(client, uri, lambda found: True, version=3)
    assert "proof.tenant-isolation-failed" not in codes(fixed)
    await wait_for_proofs(client, uri)
    assert "proof.tenant-isolation-failed" not in codes(client.diagnostics[uri])
    # Every publication for the document carried a version it had.
    assert all(version in (None, 1, 2, 3) for version, _ in client.published[uri])


@pytest.mark.lsp_options({"proofDelayMs": 400})
async def test_a_blamed_line_deleted_and_restored_before_the_next_run_gets_its_diagnostics_back(client):
    """`dd` then `u` in Neovim: the leaking clause's line is deleted and put back within the
    debounce delay. The diagnostics that went with the deleted line come back for the restored
    text, with the same ranges (they stayed away for good: the text was as proven)."""
    path = client.root / "policies" / "leak.policy"
    clause = "  CLAUSE col(is_deleted) = lit(false)\n"
    text = "POLICY leak\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n" + clause
    uri = open_document(client, path, text)
    leak = "proof.tenant-isolation-failed"
    before = await wait_for_diagnostics(client, uri, lambda found: leak in codes(found), version=1, timeout=60)
    blamed = [(d.range, d.message) for d in before if d.code == leak]
    assert all(found.start.line == 4 for found, _ in blamed)

    change_document(client, uri, 2, (4, 0), (5, 0), "")
    change_document(client, uri, 3, (4, 0), (4, 0), clause)
    deleted = await wait_for_diagnostics(client, uri, lambda found: True, version=2)
    assert leak not in codes(deleted)
    restored = await wait_for_diagnostics(client, uri, lambda found: leak in codes(found), version=3, timeout=20)
    assert [(d.range, d.message) for d in restored if d.code == leak] == blamed
    titles = await wait_for_proofs(client, uri)
    assert any("failed" in title for title in titles), titles


async def test_semantic_errors_come_with_the_edit_and_the_fix_it_is_a_quick_fix(client):
    path = client.root / "policies" / "tenancy.policy"
    text = path.read_text()
    uri = open_document(client, path, text)
    line = next(i for i, l in enumerate(text.split("\n")) if l.startswith("  CLAUSE col('tenant_id')"))
    start = text.split("\n")[line].index("tenant_id")
    change_document(client, uri, 2, (line, start), (line, start + len("tenant_id")), "tenantid")
    diagnostics = await wait_for_diagnostics(client, uri, lambda found: "semantic.unknown-column" in codes(found), version=2)
    unknown = next(d for d in diagnostics if d.code == "semantic.unknown-column")
    assert "did you mean 'tenant_id'?" in unknown.message
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=unknown.range,
            context=types.CodeActionContext(diagnostics=[unknown], only=[types.CodeActionKind.QuickFix]),
        )
    )
    assert [action.title for action in actions] == ["replace with 'tenant_id'"]
    edit = actions[0].edit.changes[uri][0]
    assert edit.new_text == "'tenant_id'"
