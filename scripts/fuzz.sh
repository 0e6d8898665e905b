#!/usr/bin/env bash
# Fuzzing with libFuzzer. The targets are Tests/TestSupport/FuzzTarget*.swift (policy, schema-sql,
# snapshot, config, quoting, sql-expression); fuzz/Entry.swift is the entry point. They are compiled with
# `swiftc -sanitize=fuzzer,address` together with the modules they exercise (Yams and its C
# parser, swift-collections' OrderedCollections, JSON, PolicySyntax, SQLExpression, PolicySchema, PolicyConfig,
# PolicySemantics, PolicySQL): not through SwiftPM, whose handling of an executable's main does
# not fit libFuzzer's.
#   scripts/fuzz.sh build                 -> .build/fuzz/Onone/pgpe-fuzz (rebuilt when a source changed;
#        PGPE_FUZZ_OPTIMIZE=1: .build/fuzz/O/pgpe-fuzz, built with -O: slower to build, faster to run)
#   scripts/fuzz.sh run SECONDS [TARGET..] -> fuzzes each target (default: all) for SECONDS,
#        starting from the committed corpus fuzz/corpus/TARGET/ and the inputs earlier runs found
#        (.build/fuzz/corpus/TARGET/, where new ones go). A crash or a broken property stops the
#        run with a non-zero status; the input is saved under .build/fuzz/artifacts/TARGET/.
# `make fuzz` runs every target for 5 minutes, optimized; `make test` runs each for 20 seconds
# (scripts/test-fuzz.sh). To keep an input that found a bug, copy it into fuzz/corpus/TARGET/:
# `swift test` replays that corpus (FuzzCorpusTests).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build/fuzz
optimization=-Onone
[ "${PGPE_FUZZ_OPTIMIZE:-}" = 1 ] && optimization=-O
build_dir="$out/${optimization#-}"
binary="$build_dir/pgpe-fuzz"
all_targets=(policy schema-sql snapshot config quoting sql-expression)

# Whether any of the files after the first argument is newer than it (or it is missing).
stale() {
  local target="$1"; shift
  [ ! -e "$target" ] || [ -n "$(find "$@" -newer "$target" 2>/dev/null | head -n 1)" ]
}

build() {
  swift package resolve >&2
  local yams=.build/checkouts/Yams/Sources
  [ -d "$yams/CYaml" ] || { echo "fuzz.sh: Yams sources not found under $yams" >&2; exit 2; }
  local collections=.build/checkouts/swift-collections/Sources
  [ -d "$collections/OrderedCollections" ] || { echo "fuzz.sh: swift-collections not found under $collections" >&2; exit 2; }
  local support=(Tests/TestSupport/FuzzTarget*.swift Tests/TestSupport/SQLUnquoter.swift Tests/TestSupport/SourceFile+Ranges.swift)
  local libraries=(PolicySyntax SQLExpression JSON PolicySchema PolicyConfig PolicySemantics PolicySQL)
  local modules=("$yams/CYaml" "$yams/Yams" "$collections/InternalCollectionsUtilities" "$collections/OrderedCollections"
                 "${libraries[@]/#/Sources/}" scripts/fuzz.sh)
  stale "$binary" "${modules[@]}" fuzz/Entry.swift "${support[@]}" || return 0
  echo "fuzz.sh: building $binary" >&2
  local swiftc=(swiftc -sanitize=fuzzer,address "$optimization" -g -swift-version 5 -parse-as-library -DSWIFT_PACKAGE
                -I "$build_dir/modules" -Xcc -I"$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC)
  # The modules (the slow part) only when their sources changed.
  if stale "$build_dir/obj/PolicySQL.o" "${modules[@]}"; then
    rm -rf "$build_dir"
    mkdir -p "$build_dir/obj" "$build_dir/modules"
    for file in "$yams"/CYaml/src/*.c; do
      clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I"$yams/CYaml/include" \
        "$file" -o "$build_dir/obj/cyaml-$(basename "$file" .c).o"
    done
    # swift-collections is built with its own settings (its Package.swift): Swift 6, its
    # package name, its availability macros and language features.
    local collections_flags=(-swift-version 6 -package-name swift_collections -enable-upcoming-feature MemberImportVisibility)
    local feature version
    for feature in BuiltinModule Lifetimes InoutLifetimeDependence AddressableParameters AddressableTypes \
                   SuppressedAssociatedTypesWithDefaults; do
      collections_flags+=(-enable-experimental-feature "$feature")
    done
    for version in 5.0 5.1 5.6 5.7 5.8 5.9 5.10 6.0 6.1 6.2 6.3 6.4 6.5; do
      collections_flags+=(-enable-experimental-feature "AvailabilityMacro=SwiftStdlib $version: macOS 9999")
    done
    local name directory flags files
    for name in InternalCollectionsUtilities OrderedCollections Yams "${libraries[@]}"; do
      directory="Sources/$name"
      flags=()
      case "$name" in
        Yams) directory="$yams/Yams" ;;
        *Collections*) directory="$collections/$name"; flags=("${collections_flags[@]}") ;;
      esac
      # (Some of swift-collections' file names have spaces.)
      mapfile -d '' -t files < <(find "$directory" -name '*.swift' -print0 | sort -z)
      "${swiftc[@]}" "${flags[@]}" -module-name "$name" -wmo -emit-module -emit-module-path "$build_dir/modules/$name.swiftmodule" \
        -emit-object -o "$build_dir/obj/$name.o" "${files[@]}"
    done
  fi
  # (The linker warns about ASan's local symbols; its output is shown only when it fails.)
  "${swiftc[@]}" -module-name PgpeFuzz fuzz/Entry.swift "${support[@]}" "$build_dir"/obj/*.o -o "$binary.tmp" \
    2>"$build_dir/link.log" || { cat "$build_dir/link.log" >&2; exit 2; }
  mv "$binary.tmp" "$binary"
}

run() {
  local seconds="${1:?usage: fuzz.sh run SECONDS [TARGET...]}"; shift
  local targets=("$@")
  [ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")
  build
  local failed=()
  for target in "${targets[@]}"; do
    [ -d "fuzz/corpus/$target" ] || { echo "fuzz.sh: no corpus fuzz/corpus/$target" >&2; exit 2; }
    mkdir -p "$out/corpus/$target" "$out/artifacts/$target"
    local dict=()
    [ -f "fuzz/$target.dict" ] && dict=("-dict=fuzz/$target.dict")
    echo "== fuzz $target for ${seconds}s" >&2
    # The Swift runtime's own crash reporter would wait on the dead process: libFuzzer reports.
    if SWIFT_BACKTRACE=enable=no PGPE_FUZZ_TARGET="$target" "$binary" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$target/" "$out/corpus/$target" "fuzz/corpus/$target" \
        >"$out/$target.log" 2>&1; then
      grep -E '^stat::(number_of_executed_units|new_units_added)' "$out/$target.log" | tr -s ' \n' ' ' >&2 || true
      echo >&2
    else
      grep -E 'pgpe-fuzz|ERROR: |SUMMARY|Test unit written|Base64' "$out/$target.log" >&2 || tail -n 40 "$out/$target.log" >&2
      failed+=("$target")
    fi
  done
  if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz.sh: properties broken in: ${failed[*]} (logs: $out/TARGET.log)" >&2
    exit 1
  fi
}

case "${1:-}" in
build) build ;;
run) shift; run "$@" ;;
*) echo "usage: fuzz.sh build | run SECONDS [TARGET...]" >&2; exit 2 ;;
esac
