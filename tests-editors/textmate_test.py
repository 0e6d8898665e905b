#!/usr/bin/env python3
"""Checks the TextMate grammar: valid JSON, every regular expression compiles, and a small
TextMate tokenizer run over the example policy files gives the expected scopes for the token
classes the language server's semantic tokens use (docs/semantic-tokens.md)."""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "editors/vscode/syntaxes/pgpe.tmLanguage.json"
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def compile_all(grammar):
    """Compiles every match/begin/end regex; returns the count."""
    count = 0

    def visit(node, where):
        nonlocal count
        if isinstance(node, dict):
            for key in ("match", "begin", "end"):
                if key in node:
                    try:
                        re.compile(node[key])
                        count += 1
                    except re.error as error:
                        fail(f"{where}.{key} does not compile: {error}: {node[key]}")
            for key, value in node.items():
                visit(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}[{index}]")

    visit(grammar, "grammar")
    return count


class Tokenizer:
    """A small TextMate tokenizer: match, begin/end with inner patterns, captures, includes."""

    def __init__(self, grammar):
        self.grammar = grammar
        self.repository = grammar.get("repository", {})
        self.cache = {}

    def resolve(self, patterns):
        result = []
        for pattern in patterns:
            if "include" in pattern:
                name = pattern["include"]
                if name == "$self":
                    result.extend(self.resolve(self.grammar["patterns"]))
                elif name.startswith("#"):
                    entry = self.repository[name[1:]]
                    result.extend(self.resolve(entry["patterns"]) if "patterns" in entry and "match" not in entry and "begin" not in entry else [entry])
                else:
                    raise ValueError(f"unsupported include {name}")
            else:
                result.append(pattern)
        return result

    def regex(self, text):
        if text not in self.cache:
            self.cache[text] = re.compile(text)
        return self.cache[text]

    def tokenize(self, text):
        """Returns a list of (start, end, [scopes]) for every character range with a scope."""
        tokens = []
        stack = []  # (end regex, name, inner patterns)
        for line_start, line in self.lines(text):
            position = 0
            while position <= len(line):
                patterns = self.resolve(stack[-1][2]) if stack else self.resolve(self.grammar["patterns"])
                best = None
                end_match = None
                if stack:
                    end_match = self.regex(stack[-1][0]).search(line, position)
                for pattern in patterns:
                    key = "match" if "match" in pattern else "begin"
                    found = self.regex(pattern[key]).search(line, position)
                    if found and (best is None or found.start() < best[1].start()):
                        best = (pattern, found)
                if end_match and (best is None or end_match.start() <= best[1].start()):
                    name = stack[-1][1]
                    if name:
                        tokens.append((line_start + position, line_start + end_match.end(), [name]))
                    stack.pop()
                    position = max(end_match.end(), position + (1 if end_match.end() == position else 0))
                    continue
                if best is None:
                    if stack and stack[-1][1]:
                        tokens.append((line_start + position, line_start + len(line), [stack[-1][1]]))
                    break
                pattern, found = best
                if stack and stack[-1][1] and found.start() > position:
                    tokens.append((line_start + position, line_start + found.start(), [stack[-1][1]]))
                if "match" in pattern:
                    if "name" in pattern:
                        tokens.append((line_start + found.start(), line_start + found.end(), [pattern["name"]]))
                    for index, capture in pattern.get("captures", {}).items():
                        group = int(index)
                        if found.group(group) is not None and "name" in capture:
                            tokens.append((line_start + found.start(group), line_start + found.end(group), [capture["name"]]))
                    position = found.end() if found.end() > position else position + 1
                else:
                    stack.append((pattern["end"], pattern.get("name"), pattern.get("patterns", [])))
                    if pattern.get("name"):
                        tokens.append((line_start + found.start(), line_start + found.end(), [pattern["name"]]))
                    position = found.end() if found.end() > position else position + 1
        return tokens

    @staticmethod
    def lines(text):
        start = 0
        for line in text.split("\n"):
            yield start, line
            start += len(line) + 1


def scope_at(tokens, offset):
    scopes = [scope for (start, end, names) in tokens if start <= offset < end for scope in names]
    return scopes[-1] if scopes else None


def expect(text, tokens, needle, scope, occurrence=0, file="?"):
    index = -1
    for _ in range(occurrence + 1):
        index = text.find(needle, index + 1)
    if index < 0:
        fail(f"{file}: {needle!r} not found")
        return
    actual = scope_at(tokens, index)
    if actual != scope:
        fail(f"{file}: {needle!r} has scope {actual}, expected {scope}")


def main():
    grammar = json.loads(GRAMMAR.read_text())
    count = compile_all(grammar)
    print(f"{count} regular expressions compile")
    if grammar.get("scopeName") != "source.pgpe":
        fail("scopeName must be source.pgpe")
    tokenizer = Tokenizer(grammar)

    tenancy = (ROOT / "examples/saas/policies/tenancy.policy").read_text()
    tokens = tokenizer.tokenize(tenancy)
    f = "tenancy.policy"
    expect(tenancy, tokens, "// Every table", "comment.line.double-slash.pgpe", file=f)
    expect(tenancy, tokens, "POLICY", "keyword.control.pgpe", file=f)
    expect(tenancy, tokens, "tenant_isolation", "entity.name.type.policy.pgpe", file=f)
    expect(tenancy, tokens, "PERMISSIVE", "keyword.control.pgpe", file=f)
    expect(tenancy, tokens, "SELECT", "keyword.control.pgpe", file=f)
    expect(tenancy, tokens, "has_column", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "'tenant_id'", "variable.other.property.pgpe", file=f)
    expect(tenancy, tokens, "col(", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "'tenant_id') =", "variable.other.property.pgpe", occurrence=0, file=f)
    expect(tenancy, tokens, "= session", "keyword.operator.comparison.pgpe", file=f)
    expect(tenancy, tokens, "session(", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "'app.tenant_id'", "string.quoted.single.pgpe", file=f)
    expect(tenancy, tokens, "named('tasks')", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "'tasks'", "string.quoted.single.pgpe", file=f)
    expect(tenancy, tokens, "exists(", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "rel(", "support.function.builtin.pgpe", file=f)
    expect(tenancy, tokens, "project_id, projects", "variable.other.property.pgpe", file=f)
    expect(tenancy, tokens, "tenant_isolation_via_project", "entity.name.type.policy.pgpe", file=f)

    soft = (ROOT / "examples/saas/policies/soft_delete.policy").read_text()
    tokens = tokenizer.tokenize(soft)
    f = "soft_delete.policy"
    expect(soft, tokens, "soft_delete\n", "entity.name.type.policy.pgpe", file=f)
    expect(soft, tokens, "RESTRICTIVE", "keyword.control.pgpe", file=f)
    expect(soft, tokens, "false", "constant.language.pgpe", file=f)
    expect(soft, tokens, "'is_deleted') =", "variable.other.property.pgpe", file=f)

    sample = "POLICY \"Odd \"\"Name\"\"\" PERMISSIVE FOR ALL TO app_user SELECTOR has_column(x, uuid) /* block */\n  CLAUSE col(x) IS NOT NULL AND col(y) > -5 -- dash\n"
    tokens = tokenizer.tokenize(sample)
    f = "sample"
    expect(sample, tokens, "\"Odd", "entity.name.type.policy.pgpe", file=f)
    expect(sample, tokens, "uuid", "storage.type.pgpe", file=f)
    expect(sample, tokens, "/* block */", "comment.block.pgpe", file=f)
    expect(sample, tokens, "NULL", "keyword.control.pgpe", file=f)
    expect(sample, tokens, "-5", "constant.numeric.integer.pgpe", file=f)
    expect(sample, tokens, "-- dash", "comment.line.double-dash.pgpe", file=f)
    expect(sample, tokens, ">", "keyword.operator.comparison.pgpe", file=f)

    # SPEC 11.3: true/false atoms, now(), the TRUNCATE, REFERENCES and TRIGGER privileges.
    additions = "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL\n  CLAUSE true OR CLAUSE col(expires_at) > now()\nGRANT TRUNCATE, REFERENCES, TRIGGER TO r SELECTOR ALL\n"
    tokens = tokenizer.tokenize(additions)
    f = "additions"
    expect(additions, tokens, "true", "constant.language.pgpe", file=f)
    expect(additions, tokens, "now()", "support.function.builtin.pgpe", file=f)
    expect(additions, tokens, "TRUNCATE", "keyword.control.pgpe", file=f)
    expect(additions, tokens, "REFERENCES", "keyword.control.pgpe", file=f)
    expect(additions, tokens, "TRIGGER", "keyword.control.pgpe", file=f)
    v2 = "GOVERN SELECTOR named('audit_log')\nPOLICY p PERMISSIVE FOR SELECT SELECTOR ALL\n  CLAUSE exists(rel(_, id, members, account_id), {col(role) = outer(min_role)})\n"
    tokens = tokenizer.tokenize(v2)
    f = "v2"
    expect(v2, tokens, "GOVERN", "keyword.control.pgpe", file=f)
    expect(v2, tokens, "outer(", "support.function.builtin.pgpe", file=f)
    expect(v2, tokens, "min_role", "variable.other.property.pgpe", file=f)

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("textmate grammar: ok")


if __name__ == "__main__":
    main()
