"""Cancellation of a slow request: proving a generated 60-table project from scratch, 24 of
whose tables carry LIKE-heavy restrictive policies unique to them, takes seconds of solver work;
`$/cancelRequest` stops it (-32800) and the server goes on answering."""

import asyncio
import uuid

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from workspace_gen import write_workspace


@pytest.fixture
def project(tmp_path):
    return write_workspace(tmp_path / "big", tables=60, slow_tables=24)


@pytest.mark.lsp_options({"backgroundProofs": False})
async def test_a_slow_request_is_cancelled_and_the_server_keeps_serving(client):
    uri = (client.root / "policies" / "generated.policy").as_uri()
    # Uncancelled, the same request completes (so the cancellation below is what stops it).
    started = asyncio.get_running_loop().time()
    summary = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="pgpe.analyzeWorkspace", arguments=[{"uri": uri, "fresh": True}])
    )
    full = asyncio.get_running_loop().time() - started
    assert summary["verdicts"] > 1000 and summary["failed"] == 0
    assert full > 1.0, f"the request is too fast ({full:.2f} s) to show cancellation"

    # The same request again; once the server reports progress on it (so it is running), cancel it.
    request_id = str(uuid.uuid4())
    progress = f"analyze-{request_id}"
    client.progress_reports[progress] = []
    started = asyncio.get_running_loop().time()
    pending = asyncio.ensure_future(client.protocol.send_request_async(
        "workspace/executeCommand",
        types.ExecuteCommandParams(command="pgpe.analyzeWorkspace", arguments=[{"uri": uri, "fresh": True}],
                                   work_done_token=progress),
        msg_id=request_id,
    ))
    while not any(isinstance(report, types.WorkDoneProgressReport) for report in client.progress_reports[progress]):
        assert asyncio.get_running_loop().time() - started < 20, "the request never reported progress"
        await asyncio.sleep(0.02)
    client.protocol.notify("$/cancelRequest", types.CancelParams(id=request_id))
    with pytest.raises(JsonRpcException) as caught:
        await asyncio.wait_for(pending, timeout=30)
    cancelled_after = asyncio.get_running_loop().time() - started
    assert caught.value.code == -32800
    assert cancelled_after < full, f"cancelled after {cancelled_after:.2f} s, a full run takes {full:.2f} s"
    kinds = [type(report).__name__ for report in client.progress_reports[progress]]
    assert kinds[0] == "WorkDoneProgressBegin" and kinds[-1] == "WorkDoneProgressEnd"
    assert client.progress_reports[progress][-1].message == "cancelled"

    # The server keeps serving.
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="admin_t_001"))
    assert [symbol.name for symbol in symbols] == ["admin_t_001"]
