#!/usr/bin/env bash
# The one test command: prepares everything a fresh machine lacks, builds, runs every test project, and ends
# with a line 'N passed, N failed'. Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

eng/natives.sh || { echo "0 passed, 1 failed"; exit 1; }

# Chromium for the browser test of report.html: Debian's package, driven by Playwright (no browser download).
# Installed only when missing; one retry after refreshing the package lists. Without it the test skips, or fails under CI.
results="$root/artifacts/test-results"
mkdir -p "$results"
if [[ ! -x /usr/bin/chromium ]] && command -v apt-get >/dev/null; then
  echo "test.sh: installing chromium ..."
  install_chromium() { DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >>"$results/chromium-install.log" 2>&1; }
  if ! install_chromium; then
    apt-get update >>"$results/chromium-install.log" 2>&1
    install_chromium || echo "test.sh: chromium could not be installed (see $results/chromium-install.log)"
  fi
fi

echo "test.sh: building ..."
if ! dotnet build ModelCert.slnx -c Release --nologo -v quiet -warnaserror; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
for project in tests/*.Tests; do
  name="$(basename "$project")"
  dll="$project/bin/Release/net10.0/$name.dll"
  log="$results/$name.log"
  echo "test.sh: $name"
  dotnet "$dll" -noColor -parallel all >"$log" 2>&1
  code=$?
  grep -E '\[(FAIL|SKIP)\]' "$log" | head -50
  summary="$(grep -E 'Total: [0-9]+' "$log" | tail -1)"
  if [[ -z "$summary" ]]; then
    echo "test.sh: $name produced no summary (exit $code); log follows"
    tail -40 "$log"
    failed=$((failed + 1)); status=1; continue
  fi
  echo "  $summary"
  field() { local v; v=$(grep -oE "$1: [0-9]+" <<<"$summary" | grep -oE '[0-9]+$'); echo "${v:-0}"; }
  total=$(field Total); errors=$(field Errors); fails=$(field Failed); skips=$(field Skipped); notrun=$(field "Not Run")
  passed=$((passed + total - fails - skips - notrun))
  failed=$((failed + fails + errors))
  skipped=$((skipped + skips))
  if [[ $code -ne 0 || $fails -ne 0 || $errors -ne 0 ]]; then status=1; fi
done

[[ $skipped -gt 0 ]] && echo "test.sh: $skipped skipped (see [SKIP] lines above)"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 && $status -eq 0 ]] || exit 1
