"""The protocol end to end: lifecycle rules and exit codes, malformed input followed by a
normal request, cancellation of a slow request, position encodings."""

import asyncio
from pathlib import Path

import pytest

from conftest import PGPE_BIN
from rawclient import RawServer


@pytest.fixture
def raw(project):
    server = RawServer([PGPE_BIN, "lsp"], cwd=project)
    yield server
    server.close()


def initialize(raw: RawServer, root: Path, capabilities=None, options=None):
    raw.request(1, "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities or {},
                                  "initializationOptions": options or {"backgroundProofs": False}})
    result = raw.response(1)["result"]
    raw.notify("initialized", {})
    return result


def test_a_malformed_frame_gets_a_parse_error_and_the_next_request_is_answered(raw, project):
    initialize(raw, project)
    raw.write(b"Content-Length: 12\r\n\r\n{not json!!}")
    error = raw.wait_for(lambda m: m.get("id") is None and "error" in m)
    assert error["error"]["code"] == -32700
    raw.write(b"Content-Lenth: 5\r\n\r\nhello")  # a broken header, then garbage
    raw.write(b"Content-Length: 40\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": 5}")
    invalid = raw.wait_for(lambda m: m.get("id") == 7)
    assert invalid["error"]["code"] == -32600
    raw.request(8, "workspace/symbol", {"query": "tenant"})
    symbols = raw.response(8)["result"]
    assert {"tenant_isolation", "tenant_isolation_via_project"} <= {s["name"] for s in symbols}
    raw.request(9, "no/such/method", {})
    assert raw.response(9)["error"]["code"] == -32601
    assert raw.stdout_garbage == []


def test_requests_before_initialize_and_after_shutdown_are_refused(raw, project):
    raw.request(1, "textDocument/hover", {"textDocument": {"uri": "file:///x.policy"}, "position": {"line": 0, "character": 0}})
    assert raw.response(1)["error"]["code"] == -32002
    raw.request(2, "initialize", {"processId": None, "rootUri": project.as_uri(), "capabilities": {}})
    assert "capabilities" in raw.response(2)["result"]
    raw.request(3, "initialize", {"processId": None, "rootUri": project.as_uri(), "capabilities": {}})
    assert raw.response(3)["error"]["code"] == -32600
    raw.request(4, "shutdown")
    assert raw.response(4)["result"] is None
    raw.request(5, "workspace/symbol", {"query": ""})
    assert raw.response(5)["error"]["code"] == -32600
    raw.notify("exit")
    assert raw.process.wait(timeout=10) == 0


def test_exit_without_shutdown_exits_with_1(raw, project):
    initialize(raw, project)
    raw.notify("exit")
    assert raw.process.wait(timeout=10) == 1


async def test_shutdown_then_exit_ends_the_process_with_0(client):
    await client.shutdown_async(None)
    client.exit(None)
    code = await asyncio.wait_for(client._server.wait(), timeout=10)
    assert code == 0
    client.capabilities = None  # the fixture's own shutdown is done


def test_position_encoding_negotiation(raw, project):
    result = initialize(raw, project, capabilities={"general": {"positionEncodings": ["utf-32", "utf-16"]}})
    assert result["capabilities"]["positionEncoding"] == "utf-32"
    # An emoji is one UTF-32 unit and two UTF-16 units: the diagnostic after it is placed in UTF-32.
    path = project / "policies" / "emoji.policy"
    text = "// 🙂🙂\nPOLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('🙂') AND col(nope) = lit(1)\n"
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": path.as_uri(), "languageId": "pgpe", "version": 1, "text": text}})
    published = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == path.as_uri() and m["params"].get("version") == 1)
    unknown = [d for d in published["params"]["diagnostics"] if "'nope'" in d["message"]]
    line = text.split("\n")[1]
    assert unknown and unknown[0]["range"]["start"] == {"line": 1, "character": line.index("nope")}


def test_utf16_is_the_default(raw, project):
    result = initialize(raw, project)
    assert result["capabilities"]["positionEncoding"] == "utf-16"
    path = project / "policies" / "emoji.policy"
    text = "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('🙂🙂') AND col(nope) = lit(1)\n"
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": path.as_uri(), "languageId": "pgpe", "version": 1, "text": text}})
    published = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == path.as_uri() and m["params"].get("version") == 1)
    unknown = [d for d in published["params"]["diagnostics"] if "'nope'" in d["message"]]
    assert unknown[0]["range"]["start"]["character"] == text.index("nope") + 2  # two emoji, one extra unit each
