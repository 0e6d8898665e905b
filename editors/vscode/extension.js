// pgpe for VS Code: starts `pgpe lsp` for .policy files and wires "Show compiled SQL".
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function start() {
  const command = vscode.workspace.getConfiguration('pgpe').get('path', 'pgpe');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('pgpe', 'pgpe', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'pgpe' }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.policy,pgpe.yaml,pgpe.yml,*.sql,*.json}')
    }
  });
  return client.start();
}

async function showCompiledSql() {
  if (!client) return;
  const editor = vscode.window.activeTextEditor;
  const args = editor && editor.document.languageId === 'pgpe'
    ? [{ uri: editor.document.uri.toString(), position: editor.selection.active }]
    : [];
  // The server answers the command with the SQL text.
  const sql = await client.sendRequest('workspace/executeCommand', { command: 'pgpe.showCompiledSql', arguments: args });
  if (typeof sql !== 'string') return;
  const document = await vscode.workspace.openTextDocument({ language: 'sql', content: sql });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('pgpe.showCompiledSql', showCompiledSql),
    vscode.commands.registerCommand('pgpe.restartServer', async () => {
      if (client) await client.stop();
      await start();
    })
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
