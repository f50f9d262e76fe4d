# Shared helpers for the project's scripts: each install step is idempotent and quick
# when the tool is already there, and uses only the package registries.

# Cargo's installs (rustup's cargo, trunk, the benchmark's wasm-bindgen) live here; a shell that was not
# started through the user's profile (CI) may not have it on PATH.
if [ -d "$HOME/.cargo/bin" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi

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

# Adds up the "# pass N" and "# fail M" lines of node's test runner (TAP reporter).
count_node_results() {
    local passed failed
    passed=$(awk '/^# pass / {s += $3} END {print s + 0}' "$1")
    failed=$(awk '/^# fail / {s += $3} END {print s + 0}' "$1")
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
}

print_totals() {
    echo
    echo "tests: ${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed"
    [ "$TOTAL_FAILED" -eq 0 ] && [ "$TOTAL_PASSED" -gt 0 ]
}

# --- The web app's tools: pinned, installed from the registries only, skipped when present.
# The build itself (xtask/) links the splitter and wasm-bindgen as libraries, pinned in
# xtask/Cargo.toml; Cargo fetches them with the rest.
TRUNK_VERSION=0.21.14

# Runs apt-get as root, or through sudo.
apt_install() {
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    fi
}

ensure_node() {
    command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

# What the build needs: the wasm target, and from npm (package-lock.json) wasm-opt
# (binaryen: Debian's is too old to run the output), esbuild and playwright-core.
ensure_build_tools() {
    ensure_rust
    ensure_node
    rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
    if [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund
    fi
    export PATH="$PWD/node_modules/.bin:$PATH"
}

# Trunk, for the development loop only (scripts/serve): it watches the sources and serves
# what the build writes; it never builds or fetches a tool itself (Trunk.toml).
ensure_trunk() {
    if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}$"; then
        cargo install trunk --version "=${TRUNK_VERSION}" --locked
    fi
}

# The wasm-bindgen CLI, for the bare counter the load benchmark measures against
# (bench/floor, a Trunk project of its own, offline with local tools): the version the app
# pins in Cargo.lock, which the counter pins too. The app's own build links it as a library.
ensure_wasm_bindgen_cli() {
    local version
    version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
    if ! wasm-bindgen --version 2>/dev/null | grep -q " ${version}$"; then
        # Without --locked: its lock file wants a webpki-roots version the registry lacks.
        cargo install wasm-bindgen-cli --version "=${version}"
    fi
}

ensure_chromium() {
    [ -x /usr/bin/chromium ] || apt_install chromium chromium-driver
}

# Debian's nginx and its brotli module: the release build is served (and tested) as a host
# serves it, with deploy/nginx/kzvisa.conf.
ensure_nginx() {
    [ -x /usr/sbin/nginx ] && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] ||
        apt_install nginx libnginx-mod-http-brotli-static
}
