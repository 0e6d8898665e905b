#!/usr/bin/env bash
# Part of `make test`: the formatter's lint (swift-format, configured by .swift-format; fix with
# `swift format format -i -r --parallel Sources Tests fuzz Package.swift`) and the layering rules
# of ARCHITECTURE.md that a grep can check.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
echo "swift format lint" >&2
swift format lint --strict --parallel -r Sources Tests fuzz Package.swift || status=1

# The engine and everything below it read no files and search no directories: the edges
# (WorkspaceFiles, the CLI, the language server) hand them text.
engine=(Sources/PolicyEngine Sources/PolicyConfig Sources/PolicySemantics Sources/PolicySchema Sources/SQLExpression Sources/PolicySyntax Sources/PolicySQL Sources/PolicyImport Sources/PolicyProofs)
if found=$(grep -rlE "FileManager|(String|Data)\(contentsOf:|fopen" "${engine[@]}"); then
  printf 'file I/O below the edges (ARCHITECTURE.md, PolicyEngine):\n%s\n' "$found" >&2
  status=1
fi

# `@unchecked Sendable` only on owners of C handles (Z3's, in SMT); the compiler checks the rest.
if found=$(grep -rl "@unchecked Sendable" Sources | grep -v '^Sources/SMT/'); then
  printf '@unchecked Sendable outside the owners of C handles:\n%s\n' "$found" >&2
  status=1
fi

# One JSON parser and writer (the JSON module): no Foundation JSON in Sources.
if found=$(grep -rlE "JSONSerialization|JSONDecoder|JSONEncoder" Sources); then
  printf 'Foundation JSON in Sources (use the JSON module):\n%s\n' "$found" >&2
  status=1
fi
exit "$status"
