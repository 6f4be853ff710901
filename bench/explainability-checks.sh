#!/usr/bin/env bash
# Wall and CPU time per explainability check on adult_lr: the real CLI certifies the first 10,000 rows of adult's test
# split (sex and race protected) once per configuration with a one-requirement policy, under /usr/bin/time, and the
# time of a baseline run (the same certify with only performance.accuracy: reading, scoring, metrics) is subtracted.
# The last line runs the default explainability suite (all five checks with default parameters) in one policy, so
# kernel-shap and protected-top-drivers share one Kernel SHAP computation. CPU time is the steadier figure on a busy
# machine; the load average is printed with each run.
#
# Usage: bench/explainability-checks.sh          ROWS=10000 RUNS=1 bench/explainability-checks.sh
#   ROWS  rows taken from the head of adult's test split (default 10000)
#   RUNS  runs per configuration; the median wall and CPU times are reported (default 1)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows="${ROWS:-10000}"
runs="${RUNS:-1}"
source_csv="../shared/datasets/adult/test.csv"
model="../shared/models/adult/adult_lr.onnx"
work="artifacts/bench-explainability"
cli="src/ModelCert.Cli/bin/Release/net10.0/modelcert.dll"

[[ -f "$source_csv" && -f "$model" ]] || { echo "explainability-checks: needs ../shared (datasets/adult, models/adult) beside the checkout" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "explainability-checks: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

eng/natives.sh
echo "explainability-checks: building the CLI (Release) ..." >&2
dotnet build src/ModelCert.Cli -c Release --nologo -v quiet >/dev/null
mkdir -p "$work"
data="$work/adult-head-$rows.csv"
head -n "$((rows + 1))" "$source_csv" > "$data"

# policy NAME CHECK PARAMS [CHECK PARAMS ...]: a policy file with one requirement per check.
policy() {
  local name file
  name="$(echo "$1" | tr ' ' '-')"
  file="$work/$name.yaml"
  shift
  printf 'apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: bench-%s\n  version: 1.0.0\ndefaults:\n  min_sample: 1\n  on_fail: warn\nrequirements:\n' "$name" > "$file"
  local i=0
  while (($# > 0)); do
    printf '  - id: r%d\n    check: %s\n    params: { %s }\n    threshold: { max: 1000 }\n' "$i" "$1" "$2" >> "$file"
    shift 2
    i=$((i + 1))
  done
  echo "$file"
}

# measure POLICY: prints "wall cpu" (seconds, medians over RUNS).
measure() {
  local walls=() cpus=()
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet "$cli" certify --model "$model" --data "$data" --label income --positive '>50K' \
      --protected sex,race --policy "$1" --replicates 1000 --out "$work/out" --format json >/dev/null 2>"$work/stderr" || true
    [[ -f "$work/out/results.json" ]] || { echo "explainability-checks: certify failed for $1:" >&2; cat "$work/stderr" >&2; exit 1; }
    grep -Eq "\"outcome\": *\"error\"" "$work/out/results.json" && { echo "explainability-checks: a check ended in error for $1" >&2; exit 1; }
    read -r wall user system < <(tail -n 1 "$work/time")
    walls+=("$wall")
    cpus+=("$(echo "$user + $system" | bc)")
    rm -rf "$work/out"
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p") $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
}

baseline="$(measure "$(policy baseline performance.accuracy '')")" || exit 1
read -r base_wall base_cpu <<<"$baseline"
printf 'rows %s, runs %s, baseline (read + score + metrics) wall %.2f s, CPU %.2f s\n\n' "$rows" "$runs" "$base_wall" "$base_cpu"
printf '| check | parameters | wall s | CPU s | load |\n| --- | --- | --- | --- | --- |\n'

run() {
  local label="$1" params="$2"
  shift 2
  local wall cpu measured
  measured="$(measure "$(policy "$label" "$@")")" || exit 1
  read -r wall cpu <<<"$measured"
  printf '| %s | %s | %.2f | %.2f | %s |\n' "$label" "$params" "$(echo "$wall - $base_wall" | bc)" "$(echo "$cpu - $base_cpu" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}

run permutation-importance "defaults (5,000 rows, 5 repeats, roc_auc)" explainability.permutation-importance ''
run permutation-importance "sample 10,000" explainability.permutation-importance 'sample: 10000'
run kernel-shap "defaults (200 rows, 50 background, 256 coalitions)" explainability.kernel-shap ''
run adverse-action-stability "defaults (100 negatives, 4 reasons, scale 0.05)" explainability.adverse-action-stability ''
run protected-top-drivers "defaults (k 3, shap)" explainability.protected-top-drivers ''
run protected-top-drivers "permutation, sample 10,000" explainability.protected-top-drivers 'method: permutation, sample: 10000'
run proxy-strength "auc (all rows)" explainability.proxy-strength ''
run proxy-strength "nmi (all rows)" explainability.proxy-strength 'measure: nmi'
run "default suite" "all five, defaults" explainability.permutation-importance '' explainability.kernel-shap '' \
  explainability.adverse-action-stability '' explainability.protected-top-drivers '' explainability.proxy-strength ''
