# Shared helpers for the project's scripts: each install step is idempotent and quick
# when the tool is already there, and uses only the package registries.

step() {
    local name=$1
    shift
    printf '\n== %s: %s\n' "$name" "$*"
    local started=$SECONDS
    "$@"
    printf '== %s done in %ss\n' "$name" "$((SECONDS - started))"
}

ensure_rust() {
    command -v cargo >/dev/null || { echo "cargo is missing: this project needs the machine's Rust toolchain" >&2; exit 1; }
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
}

# Totals over every test runner of a run, printed last as one plain line.
TOTAL_PASSED=0
TOTAL_FAILED=0

# Adds up cargo's "test result: ok. N passed; M failed" lines from a log.
count_cargo_results() {
    local passed failed
    passed=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s += $1} END {print s + 0}')
    failed=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s += $1} END {print s + 0}')
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
}

print_totals() {
    echo
    echo "tests: ${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed"
    [ "$TOTAL_FAILED" -eq 0 ] && [ "$TOTAL_PASSED" -gt 0 ]
}
