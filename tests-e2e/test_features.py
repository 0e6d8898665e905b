"""Language features end to end, on the running example: hover, completion, definition into
the schema file, the compiled-SQL action, formatting, rename, and the other requests."""

import ast

from lsprotocol import types

from conftest import open_document, wait_for_diagnostics


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position (UTF-16) of `needle` in `text`, plus `offset` characters."""
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    character = index - (text.rfind("\n", 0, index) + 1)
    return types.Position(line=line, character=len(text[index - character:index].encode("utf-16-le")) // 2)


def command_of(action):
    """The command id and arguments of a code action that runs a command.

    lsprotocol reads every object with a `command` member as a `Command`, so a `CodeAction`
    whose `command` is an object comes back as a `Command` holding that object's text."""
    if isinstance(action, types.Command) and not action.command.startswith("pgpe."):
        nested = ast.literal_eval(action.command) if isinstance(action.command, str) else action.command
        return nested["command"], nested.get("arguments")
    if isinstance(action, types.Command):
        return action.command, action.arguments
    return action.command.command, action.command.arguments


async def open_tenancy(client):
    path = client.root / "policies" / "tenancy.policy"
    text = path.read_text()
    uri = open_document(client, path, text)
    await wait_for_diagnostics(client, uri, lambda found: True, version=1)
    return uri, text


async def test_hover_on_a_policy_shows_governed_tables_with_dsl_and_sql(client):
    uri, text = await open_tenancy(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "tenant_isolation\n", 3))
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    assert "**POLICY tenant_isolation**" in value
    assert "governs 3 tables: public.comments, public.projects, public.users" in value
    assert "- **SELECT** USING: `col(tenant_id) = session('app.tenant_id')`" in value
    assert "(tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))" in value
    assert hover.range.start == position_of(text, "tenant_isolation\n")


async def test_hover_on_session_shows_type_and_compiled_form(client):
    uri, text = await open_tenancy(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "'app.tenant_id'", 2))
    )
    assert "`uuid` (declared in pgpe.yaml)" in hover.contents.value
    assert "compiles to `(SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)`" in hover.contents.value


async def test_completion_offers_the_columns_of_the_matched_tables(client):
    path = client.root / "policies" / "new.policy"
    text = "POLICY p PERMISSIVE FOR SELECT SELECTOR has_column('tenant_id') CLAUSE col("
    uri = open_document(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri),
                               position=types.Position(line=0, character=len(text)))
    )
    labels = [item.label for item in result.items]
    assert {"tenant_id", "email", "body", "name"} <= set(labels)
    assert "size" not in labels  # files has no tenant_id
    item = next(item for item in result.items if item.label == "tenant_id")
    assert item.kind == types.CompletionItemKind.Field
    assert item.text_edit.new_text == "tenant_id"


async def test_completion_of_keywords_and_session_keys(client):
    path = client.root / "policies" / "new.policy"
    text = "POLICY p PERMISSIVE FOR \nPOLICY q PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = session("
    uri = open_document(client, path, text)
    commands = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=24))
    )
    assert [item.label for item in commands.items] == ["ALL", "DELETE", "INSERT", "SELECT", "UPDATE"]
    keys = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri),
                               position=types.Position(line=1, character=len(text.split("\n")[1])))
    )
    # The declared key, then the built-in current_user and session_user (SPEC 11.1).
    assert [(item.label, item.text_edit.new_text) for item in keys.items] == [
        ("app.tenant_id", "'app.tenant_id'"), ("current_user", "'current_user'"), ("session_user", "'session_user'")]


async def test_definition_of_a_traversal_table_goes_to_its_create_table_in_the_schema_file(client):
    uri, text = await open_tenancy(client)
    locations = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "projects, id", 2))
    )
    schema = (client.root / "schema.sql")
    assert [location.uri for location in locations] == [schema.as_uri()]
    line = next(i for i, l in enumerate(schema.read_text().split("\n")) if l.startswith("CREATE TABLE public.projects"))
    assert locations[0].range.start.line == line
    assert locations[0].range.start.character == len("CREATE TABLE ")


async def test_definition_of_a_column_goes_to_its_line_in_each_table(client):
    uri, text = await open_tenancy(client)
    locations = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "col('tenant_id')", 6))
    )
    schema_lines = (client.root / "schema.sql").read_text().split("\n")
    assert sorted(location.range.start.line for location in locations) == sorted(
        i for i, l in enumerate(schema_lines) if l.strip().startswith("tenant_id ")
    )


async def test_show_compiled_sql_action_and_command(client):
    uri, text = await open_tenancy(client)
    at = position_of(text, "tenant_isolation\n")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=types.Range(start=at, end=at),
                               context=types.CodeActionContext(diagnostics=[]))
    )
    titles = [action.title for action in actions]
    assert "Show compiled SQL of policy tenant_isolation" in titles
    assert "Show compiled SQL of the workspace" in titles
    show = next(action for action in actions if action.title == "Show compiled SQL of policy tenant_isolation")
    command, arguments = command_of(show)
    assert command == "pgpe.showCompiledSql"
    sql = await client.workspace_execute_command_async(types.ExecuteCommandParams(command=command, arguments=arguments))
    assert "CREATE POLICY tenant_isolation_comments\n  ON public.comments\n  AS PERMISSIVE\n  FOR ALL\n" in sql
    assert "tenant_isolation_via_project" not in sql
    whole = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="pgpe.showCompiledSql", arguments=[{}]))
    assert whole.startswith("-- ============================================================\n-- public.comments\n")
    assert "tenant_isolation_via_project_tasks" in whole
    # For clients without custom commands: a workspace edit that creates a .sql document.
    opener = next(action for action in actions if action.title == "Open compiled SQL of policy tenant_isolation in a new file")
    create, edit = opener.edit.document_changes
    assert isinstance(create, types.CreateFile) and create.uri.endswith("/tenant_isolation.sql")
    assert edit.text_document.uri == create.uri
    assert edit.edits[0].new_text == sql


async def test_formatting_gives_the_pgpe_fmt_layout(client):
    canonical = (client.root / "policies" / "tenancy.policy").read_text()
    messy = canonical.replace("\n  ", "\n ").replace("PERMISSIVE", "permissive").replace("SELECTOR", "selector")
    path = client.root / "policies" / "messy.policy"
    uri = open_document(client, path, messy.replace("tenant_isolation", "messy_isolation"))
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri),
                                       options=types.FormattingOptions(tab_size=2, insert_spaces=True))
    )
    assert len(edits) == 1
    assert edits[0].range.start == types.Position(line=0, character=0)
    assert edits[0].new_text == canonical.replace("tenant_isolation", "messy_isolation")


async def test_rename_a_policy_across_the_workspace(client):
    uri, text = await open_tenancy(client)
    at = position_of(text, "tenant_isolation\n", 4)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)
    )
    assert prepared.placeholder == "tenant_isolation"
    # A second declaration of the same name in another file is renamed too.
    other = client.root / "policies" / "copy.policy"
    other_uri = open_document(client, other, "POLICY tenant_isolation RESTRICTIVE FOR SELECT SELECTOR named('users') CLAUSE col(role) = lit('member')\n")
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at, new_name="tenant_guard")
    )
    assert sorted(edit.changes) == sorted([uri, other_uri])
    assert [e.new_text for e in edit.changes[uri]] == ["tenant_guard"]
    assert edit.changes[uri][0].range.start == position_of(text, "tenant_isolation\n")
    assert edit.changes[other_uri][0].range.start == types.Position(line=0, character=7)


async def test_symbols_folding_semantic_tokens_lenses_and_hints(client):
    uri, text = await open_tenancy(client)
    document = types.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
    assert [symbol.name for symbol in symbols] == ["tenant_isolation", "tenant_isolation_via_project"]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document))
    assert any(fold.start_line == 1 for fold in folds)
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=document))
    assert len(tokens.data) % 5 == 0 and len(tokens.data) > 50
    # The first token is the comment on line 0, the second POLICY on line 1 (a keyword, type 0).
    assert list(tokens.data[0:2]) == [0, 0] and tokens.data[3] == 4
    assert list(tokens.data[5:9]) == [1, 0, 6, 0]
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=document))
    assert lenses[0].command.title.startswith("3 tables · proofs: ")
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(text_document=document, range=types.Range(start=types.Position(line=0, character=0),
                                                                          end=types.Position(line=99, character=0)))
    )
    assert [hint.label for hint in hints] == [" → comments, projects, users", " → files, tasks"]
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="tasks"))
    assert "public.tasks" in [symbol.name for symbol in found]
    references = await client.text_document_references_async(
        types.ReferenceParams(text_document=document, position=position_of(text, "projects, id", 2),
                              context=types.ReferenceContext(include_declaration=False))
    )
    soft_delete = (client.root / "policies" / "soft_delete.policy").as_uri()
    assert sorted((r.uri, r.range.start.line) for r in references) == sorted([(uri, 1), (soft_delete, 1)])
