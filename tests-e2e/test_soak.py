"""Soak: 10,000 random edits (inserts, deletes, garbage, huge lines, emoji, CRLF) to an open
policy file with requests of every kind interleaved. The server must not crash, every
response must be well-formed (pygls reads each one into its lsprotocol type, which fails on a
malformed one), the diagnostics must end at the last version, the server's text must be ours
(compared through syntax diagnostics of a fresh copy), and resident memory must stay bounded."""

import asyncio
import random
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import open_document, wait_for_diagnostics

EDITS = 10_000
SEED = 0x50AC
FRAGMENTS = [
    "POLICY ", "p", " PERMISSIVE", " RESTRICTIVE", " FOR ", "SELECT", ", INSERT", " TO app_user", " SELECTOR ", "ALL",
    "has_column('tenant_id')", " named('tasks')", " CLAUSE ", "col(", "tenant_id", ")", " = ", "session('app.tenant_id')",
    " AND ", " OR CLAUSE ", "lit(", "'x'", "42", "-7", "true", "null", "[", "]", "{", "}", "exists(rel(_, project_id, projects, id), ",
    "fn(is_member, [", "raw('1 = 1')", " IS NOT NULL", "\n", "\r\n", "\t", "  ", "// comment\n", "/* block", "*/", "'", '"',
    "🙂", "👩‍💻", "日本語", "ü", "€", "\u00a0", "§", "\\", "--", "<>", "!=", ">=", "WITH CHECK",
]


class Document:
    """The client's copy of the text, with LSP positions (UTF-16, lines ending at \\n, \\r\\n or \\r)."""

    def __init__(self, text: str):
        self.text = text

    def position(self, index: int) -> types.Position:
        text = self.text
        line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
        line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
        prefix = text[line_start:index]
        return types.Position(line=line, character=len(prefix.encode("utf-16-le")) // 2)

    def boundary(self, index: int) -> int:
        """`index` moved off the middle of a CRLF."""
        index = max(0, min(index, len(self.text)))
        if 0 < index < len(self.text) and self.text[index - 1] == "\r" and self.text[index] == "\n":
            index -= 1
        return index


def random_edit(rng: random.Random, document: Document):
    length = len(document.text)
    kind = rng.random()
    start = document.boundary(rng.randint(0, length))
    if length > 60_000:
        end = document.boundary(min(length, start + rng.randint(10_000, 40_000)))
        return start, end, ""
    if kind < 0.45:
        return start, start, "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 4)))
    if kind < 0.75:
        end = document.boundary(min(length, start + rng.randint(1, 40)))
        return start, end, ""
    if kind < 0.95:
        end = document.boundary(min(length, start + rng.randint(0, 10)))
        garbage = "".join(chr(rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0x2FFF), rng.randint(0x1F300, 0x1F64F)]))
                          for _ in range(rng.randint(1, 12)))
        return start, end, garbage
    # A huge line.
    return start, start, rng.choice(["x", "col(a) = lit(1) AND ", "🙂"]) * rng.randint(1_000, 6_000)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def random_request(client, rng: random.Random, uri: str, document: Document):
    identifier = types.TextDocumentIdentifier(uri=uri)
    position = document.position(document.boundary(rng.randint(0, len(document.text))))
    end = document.position(len(document.text))
    choice = rng.randrange(13)
    if choice == 0:
        return await client.text_document_hover_async(types.HoverParams(text_document=identifier, position=position))
    if choice == 1:
        return await client.text_document_completion_async(types.CompletionParams(text_document=identifier, position=position))
    if choice == 2:
        return await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=identifier))
    if choice == 3:
        return await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=identifier))
    if choice == 4:
        return await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=identifier))
    if choice == 5:
        return await client.text_document_code_action_async(types.CodeActionParams(
            text_document=identifier, range=types.Range(start=position, end=position), context=types.CodeActionContext(diagnostics=[])))
    if choice == 6:
        return await client.text_document_inlay_hint_async(types.InlayHintParams(
            text_document=identifier, range=types.Range(start=types.Position(line=0, character=0), end=end)))
    if choice == 7:
        return await client.text_document_code_lens_async(types.CodeLensParams(text_document=identifier))
    if choice == 8:
        return await client.text_document_definition_async(types.DefinitionParams(text_document=identifier, position=position))
    if choice == 9:
        return await client.text_document_references_async(types.ReferenceParams(
            text_document=identifier, position=position, context=types.ReferenceContext(include_declaration=True)))
    if choice == 10:
        return await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=identifier, options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    if choice == 11:
        return await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=identifier, position=position))
    return await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=rng.choice(["", "tenant", "t", "🙂"])))


@pytest.mark.lsp_options({"proofDelayMs": 20})
async def test_ten_thousand_random_edits_with_requests_interleaved(client, tmp_path):
    rng = random.Random(SEED)
    path = client.root / "policies" / "tenancy.policy"
    document = Document(path.read_text())
    uri = open_document(client, path, document.text)
    pid = client._server.pid
    samples = []
    failures = []
    version = 1
    for step in range(EDITS):
        start, end, new_text = random_edit(rng, document)
        start_position, end_position = document.position(start), document.position(end)
        document.text = document.text[:start] + new_text + document.text[end:]
        version += 1
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=start_position, end=end_position), text=new_text)],
        ))
        if step % 8 == 0:
            try:
                await asyncio.wait_for(random_request(client, rng, uri, document), timeout=60)
            except JsonRpcException as error:
                # Formatting text with syntax errors and renaming what cannot be renamed fail by design.
                if error.code != -32803:
                    failures.append((step, error.code, str(error)))
        if step % 1000 == 0:
            samples.append(rss_kb(pid))
    assert failures == []
    assert client._server.returncode is None, "the server exited"

    final = await wait_for_diagnostics(client, uri, lambda found: True, version=version, timeout=120)
    # The server's text is ours: a fresh copy, checked on its own, has the same syntax diagnostics.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    copy_uri = open_document(client, elsewhere / "copy.policy", document.text)
    copy = await wait_for_diagnostics(client, copy_uri, lambda found: True, version=1, timeout=120)
    syntax = lambda found: [(d.range, d.code, d.message) for d in found if str(d.code).startswith("syntax.")]
    assert syntax(final) == syntax(copy)

    samples.append(rss_kb(pid))
    print(f"resident memory every 1,000 edits (kB): {samples}")
    # Bounded: no steady growth after the first thousand edits (caches fill, then stay).
    assert max(samples) < 400_000, samples
    assert samples[-1] - samples[1] < 96_000, samples
