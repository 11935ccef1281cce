# Between: `make run` and `make test` set up a fresh Debian machine (as root) and
# skip whatever is already there. Nothing is downloaded from outside the package
# registries (crates.io, npm, Debian).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
TWIGGY_VERSION := 0.8.0
# wasm-split-cli (tools/split.mjs): must read the split markers of the wasm_split_helpers
# in Cargo.lock (format version 1).
WASM_SPLIT_VERSION := 0.2.4
PORT ?= 8080

.PHONY: setup setup-rust setup-browser run dist test lint test-native test-browser test-e2e bench clean

setup: setup-rust setup-browser node_modules/.installed

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo install --list | grep -qF "wasm_split_cli_support v$(WASM_SPLIT_VERSION)" \
	  || cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary

setup-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# npm ci from the lockfile: wasm-opt (binaryen), playwright-core, axe-core, lighthouse.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

dist: setup
	trunk build --release --offline
	node tools/sizes.mjs dist

run: dist
	node tools/serve.mjs --root dist --port $(PORT)

test: setup lint test-native test-browser test-e2e

# Formatting and lints, native and wasm32, warnings as errors (CI runs them too).
lint: setup-rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test

test-browser: setup-rust setup-browser
	cargo test --target wasm32-unknown-unknown --test web

test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

# Every budget of issue 8, measured on dist/, into bench/report.md and bench/report.json;
# exits 1 when a budget is missed (make test never runs this). twiggy (crates.io, about
# 2 minutes to build once) names the biggest parts of the wasm; Lighthouse is in package.json.
bench: dist
	@twiggy --version 2>/dev/null | grep -qF "$(TWIGGY_VERSION)" || cargo install twiggy --version $(TWIGGY_VERSION) --locked
	node tools/bench.mjs

clean:
	rm -rf dist target
