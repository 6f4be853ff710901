#!/usr/bin/env bash
# Fetches the native engines (ONNX Runtime, DuckDB) from their official npm packages into a cache
# outside git, checking the SHA-256 of each tarball and of each extracted library.
# Usage: eng/natives.sh [--check]   (--check: verify only, fetch nothing)
set -euo pipefail

cache="${MODELCERT_NATIVE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/modelcert/native}"

# name | npm spec | file inside the tarball | tarball sha256 | library sha256 | installed file name
engines=(
  "onnxruntime-1.30.0|onnxruntime-node@1.30.0|package/bin/napi-v6/linux/x64/libonnxruntime.so.1|6e3390d6b783e7be946fad629292799da28d0b42f84856e50d2c1b0383291e75|ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23|libonnxruntime.so.1"
  "duckdb-1.5.6|@duckdb/node-bindings-linux-x64@1.5.6-r.1|package/libduckdb.so|1b9f82478539bb9a1d1df44bd103121a12ae52142c07158dc52b97d2ec1d69ff|3f4962cdd266eab2b479a5b5a4a6d063d279b2954ae814ed00385d553b747633|libduckdb.so"
)

check_only=false
[[ "${1:-}" == "--check" ]] && check_only=true

sha() { sha256sum "$1" | cut -d' ' -f1; }

for entry in "${engines[@]}"; do
  IFS='|' read -r name spec inner tgz_sha lib_sha file <<<"$entry"
  dir="$cache/$name"
  lib="$dir/$file"
  if [[ -f "$lib" && -f "$lib.sha256" && "$(cat "$lib.sha256")" == "$lib_sha" ]]; then
    continue
  fi
  if [[ -f "$lib" && "$(sha "$lib")" == "$lib_sha" ]]; then
    echo "$lib_sha" >"$lib.sha256"
    continue
  fi
  if $check_only; then
    echo "natives: $name is missing or corrupt at $lib; run eng/natives.sh to fetch it" >&2
    exit 1
  fi
  command -v npm >/dev/null || { echo "natives: npm is needed to fetch $name (apt-get install npm)" >&2; exit 1; }
  echo "natives: fetching $spec ..." >&2
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$spec" >/dev/null 2>"$work/npm.log") || {
    echo "natives: 'npm pack $spec' failed:" >&2; cat "$work/npm.log" >&2; exit 1; }
  tgz="$(ls "$work"/*.tgz)"
  got="$(sha "$tgz")"
  if [[ "$got" != "$tgz_sha" ]]; then
    echo "natives: $spec tarball SHA-256 is $got, expected $tgz_sha; refusing to use it" >&2
    exit 1
  fi
  tar -xzf "$tgz" -C "$work" "$inner"
  got="$(sha "$work/$inner")"
  if [[ "$got" != "$lib_sha" ]]; then
    echo "natives: $inner SHA-256 is $got, expected $lib_sha; refusing to use it" >&2
    exit 1
  fi
  mkdir -p "$dir"
  mv -f "$work/$inner" "$lib.tmp"
  mv -f "$lib.tmp" "$lib"
  echo "$lib_sha" >"$lib.sha256"
  rm -rf "$work"
  trap - EXIT
  echo "natives: $name ready" >&2
done
