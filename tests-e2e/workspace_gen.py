"""Writes a generated multi-tenant project (schema, pgpe.yaml, policies) for tests that need
more than the running example: slow requests to cancel, many tables."""

from pathlib import Path


def write_workspace(root: Path, tables: int = 60, slow_tables: int = 0) -> Path:
    """Writes the project under `root` and returns `root`. The first `slow_tables` tables also
    get a restrictive policy of LIKE patterns unique to the table, so proving them takes real
    solver work that no cache or shortcut removes (tens of milliseconds per query)."""
    (root / "policies").mkdir(parents=True, exist_ok=True)
    schema = ["CREATE TABLE public.tenants (\n    id uuid PRIMARY KEY,\n    name text NOT NULL\n);\n"]
    policies = [
        "POLICY tenant_isolation\n  PERMISSIVE\n  FOR ALL\n  SELECTOR has_column('tenant_id')\n"
        "  CLAUSE col(tenant_id) = session('app.tenant_id')\n"
    ]
    for index in range(1, tables + 1):
        name = f"t_{index:03d}"
        schema.append(
            f"CREATE TABLE public.{name} (\n    id uuid PRIMARY KEY,\n"
            "    tenant_id uuid NOT NULL REFERENCES public.tenants (id),\n"
            "    owner_id uuid,\n    status text NOT NULL DEFAULT 'open',\n    level integer,\n"
            "    is_deleted boolean NOT NULL DEFAULT false\n);\n"
        )
        policies.append(
            f"POLICY admin_{name}\n  PERMISSIVE\n  FOR SELECT, UPDATE\n  TO app_admin\n  SELECTOR named('{name}')\n"
            "  CLAUSE col(tenant_id) = session('app.tenant_id') AND col(status) IN lit(['open', 'closed'])\n"
            "  OR CLAUSE col(tenant_id) = session('app.tenant_id') AND col(level) >= lit(3)\n"
        )
        policies.append(
            f"POLICY member_{name}\n  RESTRICTIVE\n  FOR SELECT, UPDATE, DELETE\n  SELECTOR named('{name}')\n"
            "  CLAUSE fn(is_member, [session('app.user_id'), col(tenant_id)]) AND col(is_deleted) = lit(false)\n"
            "  OR CLAUSE col(owner_id) = session('app.user_id')\n"
        )
    for index in range(1, slow_tables + 1):
        name = f"t_{index:03d}"
        policies.append(
            f"POLICY label_{name}\n  RESTRICTIVE\n  FOR SELECT, UPDATE\n  SELECTOR named('{name}')\n"
            f"  CLAUSE col(status) LIKE lit('%a{index}%b%') AND col(status) NOT LIKE lit('%c{index}_%') AND col(level) > lit({index})\n"
            f"  OR CLAUSE col(status) LIKE lit('%x{index}%y%z%') AND col(level) < lit({index * 2})\n"
        )
    (root / "schema.sql").write_text("\n".join(schema))
    (root / "policies" / "generated.policy").write_text("\n".join(policies))
    (root / "pgpe.yaml").write_text(
        "policies: [policies]\nschema: schema.sql\nschemas: [public]\nsession:\n  app.tenant_id: uuid\n"
        "  app.user_id: uuid\nisolation:\n  - key: app.tenant_id\nfunctions:\n"
        "  is_member: { args: [uuid, uuid], returns: boolean, schema: public }\n"
    )
    return root
