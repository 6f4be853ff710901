#!/usr/bin/env bash
# Wall and CPU time per check: certify on adult_lr (adult's test split, 16,281 rows; sex and race protected; adult's
# train split as the --shifted set) with a policy listing the robustness and explainability checks, read from
# certify's "timed REQUIREMENT in W s wall, C s CPU" status lines (CPU is the whole process's). Also the whole run.
# The expensive checks get a 10k-row sample. Checks this build does not implement give an error result and time ~0.
#
# Usage: bench/check-suite.sh              RUNS=3 bench/check-suite.sh              SUITE=defaults bench/check-suite.sh
#   RUNS   runs of the suite; the median of each time is reported (default 1). On a busy machine the CPU time is the
#          steadier of the two.
#   SUITE  "sampled" (default: sample 10000 for the checks that sample), "defaults" (every check with its default
#          parameters: the suite that must stay under 2 minutes on 2 cores) or "variants" (the explainability checks
#          with their other methods and measures beside their defaults)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs="${RUNS:-1}"
suite="${SUITE:-sampled}"
model="../shared/models/adult/adult_lr.onnx"
data="../shared/datasets/adult/test.csv"
shifted="../shared/datasets/adult/train.csv"
work="artifacts/bench-checks"
cli="src/ModelCert.Cli/bin/Release/net10.0/modelcert.dll"

[[ -f "$model" && -f "$data" ]] || { echo "check-suite: needs ../shared (models/adult, datasets/adult) beside the checkout" >&2; exit 1; }

# One line per requirement: check id, then its params as a YAML flow mapping.
if [[ "$suite" != "sampled" ]]; then
  sample=""
else
  sample="sample: 10000"
fi
robustness=(
  "robustness.noise-flip-rate|{ $sample }"
  "robustness.noise-metric-drop|{ $sample }"
  "robustness.missing-flip-rate|{ $sample }"
  "robustness.counterfactual-flip-rate|{ $sample }"
  "robustness.worst-slice|{ }"
  "robustness.evasion-success-rate|{ $sample }"
  "robustness.shift-metric-drop|{ }"
  "robustness.latency|{ }"
  "robustness.throughput|{ }"
  "robustness.concurrent-memory|{ }"
)
explainability=(
  "explainability.permutation-importance|{ $sample }"
  "explainability.kernel-shap|{ $sample }"
  "explainability.adverse-action-stability|{ $sample }"
  "explainability.protected-top-drivers|{ $sample }"
  "explainability.proxy-strength|{ }"
)
if [[ "$suite" == "variants" ]]; then
  checks=(
    "${explainability[@]}"
    "explainability.permutation-importance|{ metric: accuracy, repeats: 10 }"
    "explainability.protected-top-drivers|{ method: permutation, sample: 10000 }"
    "explainability.proxy-strength|{ measure: nmi }"
  )
else
  checks=("${robustness[@]}" "${explainability[@]}")
fi

eng/natives.sh >/dev/null
echo "check-suite: building the CLI (Release) ..." >&2
dotnet build src/ModelCert.Cli -c Release --nologo -v quiet >/dev/null
mkdir -p "$work"

# A policy with the given "check|params" lines. A requirement's id is its check id, with ".2", ".3" ... when a check
# comes again with other parameters; its threshold is a bound nothing reaches, so every check runs to the end.
write_policy() {
  local file="$1"
  shift
  {
    printf 'apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: check-suite\n  version: 1.0.0\nrequirements:\n'
    local entry check params
    for entry in "$@"; do
      check="${entry%%|*}" params="${entry#*|}"
      printf '  - id: %s\n    title: %s\n    check: %s\n    params: %s\n    on_fail: warn\n    on_uncertain: warn\n' "$(requirement_id "$entry")" "$check" "$check" "$params"
      if [[ "$check" == robustness.throughput ]]; then
        printf '    threshold: { min: 0 }\n'
      else
        printf '    threshold: { max: 1000000000 }\n'
      fi
    done
  } >"$file"
}

# requirement_id ENTRY: the id write_policy gives ENTRY of the current suite.
requirement_id() {
  local check="${1%%|*}" seen=0 entry
  for entry in "${checks[@]}"; do
    [[ "${entry%%|*}" == "$check" ]] && seen=$((seen + 1))
    [[ "$entry" == "$1" ]] && break
  done
  if ((seen > 1)); then echo "$check.$seen"; else echo "$check"; fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

write_policy "$work/suite.yaml" "${checks[@]}"
: >"$work/timed"
: >"$work/runs"
for ((r = 1; r <= runs; r++)); do
  status=0
  TIMEFORMAT='%R %U %S'
  { time dotnet "$cli" certify --model "$model" --data "$data" --shifted "$shifted" --label income --positive '>50K' \
    --protected sex,race --policy "$work/suite.yaml" --out "$work/out" --format json >/dev/null 2>"$work/log"; } 2>"$work/timing" || status=$?
  # Exit codes 0, 3 and 4 are verdicts; 1 is also the "error" verdict (a check could not run, e.g. one this build
  # does not implement), which still wrote results.json.
  if [[ $status -ne 0 && $status -ne 3 && $status -ne 4 ]] && ! { [[ $status -eq 1 ]] && grep -q 'verdict error' "$work/log"; }; then
    echo "check-suite: certify failed (exit $status):" >&2
    cat "$work/log" >&2
    exit 1
  fi
  sed -n 's/^certify: timed \([^ ]*\) in \([0-9.]*\) s wall, \([0-9.]*\) s CPU$/\1 \2 \3/p' "$work/log" >>"$work/timed"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/timing" >>"$work/runs"
  echo "check-suite: run $r: $(cat "$work/timing")  (real user sys)" >&2
done

outcome_of() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(sorted({c["outcome"] for c in d["checks"] if c["requirement"]==sys.argv[2]})))' "$work/out/results.json" "$1"
}

printf '| check | params | wall s | CPU s | outcome |\n|---|---|---:|---:|---|\n'
for entry in "${checks[@]}"; do
  id="$(requirement_id "$entry")"
  wall="$(awk -v c="$id" '$1 == c { print $2 }' "$work/timed" | median)"
  cpu="$(awk -v c="$id" '$1 == c { print $3 }' "$work/timed" | median)"
  printf '| %s | %s | %.2f | %.2f | %s |\n' "${entry%%|*}" "${entry#*|}" "$wall" "$cpu" "$(outcome_of "$id")"
done
printf '\nwhole certify run (read, score, metrics, checks, write): %s s wall, %s s CPU (median of %d)\n' \
  "$(awk '{ print $1 }' "$work/runs" | median)" "$(awk '{ print $2 }' "$work/runs" | median)" "$runs"
