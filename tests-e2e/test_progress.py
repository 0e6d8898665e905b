"""One slow table does not hold back the others: in a project where one table's proofs take
real solver work (LIKE-heavy restrictive policies, as in test_cancellation.py), the other
table's leak is published while the slow table is still being proven."""

import asyncio

import pytest
from lsprotocol import types

from conftest import codes

LEAK = "proof.tenant-isolation-failed"


@pytest.fixture
def project(tmp_path):
    """Two tables, each with a leak; a_slow (first in every table order) is slow to prove."""
    root = tmp_path / "slow"
    (root / "policies").mkdir(parents=True)
    (root / "pgpe.yaml").write_text(
        "policies: [policies]\nschema: schema.sql\nschemas: [public]\nsession:\n  app.tenant_id: uuid\n"
        "isolation:\n  - key: app.tenant_id\n"
    )
    (root / "schema.sql").write_text(
        "CREATE TABLE public.tenants (id uuid PRIMARY KEY);\n"
        "CREATE TABLE public.a_slow (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, status text NOT NULL, level integer);\n"
        "CREATE TABLE public.z_fast (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, is_public boolean);\n"
    )
    slow = ["POLICY tenant PERMISSIVE FOR ALL SELECTOR has_column('tenant_id') CLAUSE col(tenant_id) = session('app.tenant_id')\n"]
    for index in (1, 2):
        slow.append(
            f"POLICY label_{index} RESTRICTIVE FOR SELECT, UPDATE SELECTOR named('a_slow')\n"
            f"  CLAUSE col(status) LIKE lit('%a{index}%b%') AND col(status) NOT LIKE lit('%c{index}_%') AND col(level) > lit({index})\n"
            f"  OR CLAUSE col(status) LIKE lit('%x{index}%y%z%') AND col(level) < lit({index * 2})\n"
        )
    (root / "policies" / "slow.policy").write_text("\n".join(slow))
    (root / "policies" / "slow_leak.policy").write_text(
        "POLICY slow_leak PERMISSIVE FOR SELECT SELECTOR named('a_slow') CLAUSE col(level) = lit(7)\n"
    )
    (root / "policies" / "fast_leak.policy").write_text(
        "POLICY fast_leak PERMISSIVE FOR SELECT SELECTOR named('z_fast') CLAUSE col(is_public) = lit(true)\n"
    )
    return root


def leaking(client, uri: str) -> bool:
    return any(LEAK in codes(diagnostics) for _, diagnostics in client.published[uri])


def run_ended(client) -> bool:
    return any(isinstance(report, types.WorkDoneProgressEnd)
               for reports in client.progress_reports.values() for report in reports)


async def test_a_slow_table_does_not_hold_back_the_others(client):
    fast = (client.root / "policies" / "fast_leak.policy").as_uri()
    slow = (client.root / "policies" / "slow_leak.policy").as_uri()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 120
    fast_at = slow_at = None
    fast_while_running = None
    while not (slow_at and run_ended(client)):
        assert loop.time() < deadline, "the proofs never finished"
        if fast_at is None and leaking(client, fast):
            fast_at = loop.time()
            fast_while_running = not run_ended(client) and not leaking(client, slow)
        if slow_at is None and leaking(client, slow):
            slow_at = loop.time()
        await asyncio.sleep(0.01)
    assert fast_at is not None and fast_while_running, "z_fast's leak waited for a_slow"
    assert fast_at < slow_at
    reports = [report.message for reports in client.progress_reports.values() for report in reports
               if isinstance(report, types.WorkDoneProgressReport)]
    assert any(message.endswith("1/2 tables") for message in reports), reports
