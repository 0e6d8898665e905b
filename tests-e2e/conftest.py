"""Fixtures for the end-to-end tests: the real `pgpe lsp` process (PGPE_BIN, else the debug
build) driven by pytest-lsp's client over stdio, on a copy of the running example."""

import asyncio
import collections
import os
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent
PGPE_BIN = os.environ.get("PGPE_BIN") or str(REPO / ".build" / "debug" / "pgpe")


def record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
    """Keeps every publication, with its version, besides the latest diagnostics."""
    client.diagnostics[params.uri] = params.diagnostics
    client.published[params.uri].append((params.version, params.diagnostics))


def accept(client: LanguageClient, params):
    """Answers server requests the tests do not care about (registrations, refreshes)."""
    return None


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record_diagnostics
    features[types.CLIENT_REGISTER_CAPABILITY] = accept
    features[types.WORKSPACE_CODE_LENS_REFRESH] = accept
    register_lsp_features(client, features)
    client.published = collections.defaultdict(list)
    return client


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of examples/saas."""
    root = tmp_path / "saas"
    shutil.copytree(REPO / "examples" / "saas", root)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[PGPE_BIN, "lsp"], client_factory=make_client))
async def client(lsp_client: LanguageClient, request):
    root: Path = request.getfixturevalue("project")
    marker = request.node.get_closest_marker("lsp_options")
    options = marker.args[0] if marker else {"proofDelayMs": 50}
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options=options,
        )
    )
    lsp_client.root = root
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    """Opens `path` (with `text`, else its content on disk) and returns its URI."""
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="pgpe", version=version,
                                                 text=path.read_text() if text is None else text)
        )
    )
    return uri


def change_document(client: LanguageClient, uri: str, version: int, start, end, text: str):
    """Replaces the range (start, end) — each (line, character) — with `text`."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text
                )
            ],
        )
    )


async def wait_for_diagnostics(client: LanguageClient, uri: str, predicate, timeout: float = 30.0, version=None):
    """Waits for a publication for `uri` (with `version`, when given) whose diagnostics satisfy
    `predicate`, and returns them."""
    deadline = asyncio.get_running_loop().time() + timeout
    seen = 0
    while True:
        publications = client.published[uri]
        for published_version, diagnostics in publications[seen:]:
            if (version is None or published_version == version) and predicate(diagnostics):
                return diagnostics
        seen = len(publications)
        if asyncio.get_running_loop().time() > deadline:
            last = publications[-1] if publications else None
            raise AssertionError(f"no matching diagnostics for {uri} (version {version}); last: {last}")
        await asyncio.sleep(0.02)


async def wait_for_proofs(client: LanguageClient, uri: str, timeout: float = 60.0):
    """Waits until the code lenses of `uri` no longer say that proofs are pending."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        lenses = await client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        titles = [lens.command.title for lens in lenses or [] if lens.command]
        if titles and not any("pending" in title or "paused" in title for title in titles):
            return titles
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"proofs still pending: {titles}")
        await asyncio.sleep(0.1)


def codes(diagnostics) -> list[str]:
    return [str(diagnostic.code) for diagnostic in diagnostics]
