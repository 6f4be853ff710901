#!/usr/bin/env bash
# Certify at scale: adult's test split replicated to 1M and 10M rows, certified by the real CLI (ONNX scoring, four-fifths
# policy, race and sex with their intersection) with 1000 bootstrap replicates and with none, under /usr/bin/time -v.
# Prints rows, replicates, wall time, CPU time (user + system), rows/s, peak RSS and the bootstrap overhead (1000 vs 0
# replicates) in wall and in CPU time; on a busy machine CPU time is the steadier of the two.
#
# Usage: bench/certify-scale.sh            ROWS="1000000" RUNS=3 bench/certify-scale.sh
#   ROWS  row counts to run (default "1000000 10000000")
#   RUNS  runs per configuration; the median wall and CPU times and the largest peak RSS are reported (default 1)
# Data goes to artifacts/bench-data (outside git) and is reused when present.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows_list="${ROWS:-1000000 10000000}"
runs="${RUNS:-1}"
source_csv="../shared/datasets/adult/test.csv"
model="../shared/models/adult/adult_xgb.onnx"
data_dir="artifacts/bench-data"
cli="src/ModelCert.Cli/bin/Release/net10.0/modelcert.dll"

[[ -f "$source_csv" && -f "$model" ]] || { echo "certify-scale: needs ../shared (datasets/adult, models/adult) beside the checkout" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "certify-scale: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }

eng/natives.sh
echo "certify-scale: building the CLI (Release) ..." >&2
dotnet build src/ModelCert.Cli -c Release --nologo -v quiet >/dev/null

mkdir -p "$data_dir"

# The header once, then the data rows over and over until there are $1 of them.
make_csv() {
  local rows="$1" file="$data_dir/adult-$1.csv"
  if [[ ! -f "$file" ]]; then
    echo "certify-scale: writing $file ..." >&2
    awk -v rows="$rows" '
      NR == 1 { header = $0; next }
      { line[n++] = $0 }
      END {
        print header
        for (i = 0; i < rows; i++) print line[i % n]
      }' "$source_csv" >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# One certify run; prints "wall_seconds cpu_seconds peak_kb".
run_certify() {
  local file="$1" replicates="$2" out="$data_dir/certify-$3-$2" log
  log="$(mktemp)"
  local status=0
  /usr/bin/time -v dotnet "$cli" certify --model "$model" \
    --features age,education-num,capital-gain,capital-loss,hours-per-week \
    --data "$file" --label income --positive '>50K' --protected race,sex \
    --policy builtin:four-fifths --replicates "$replicates" --out "$out" --format json >/dev/null 2>"$log" || status=$?
  # Exit codes 0, 3 and 4 are verdicts (certified/conditional, needs review, rejected); others are failures.
  if [[ $status -ne 0 && $status -ne 3 && $status -ne 4 ]]; then
    echo "certify-scale: certify failed (exit $status) on $file with $replicates replicates:" >&2
    grep -v '^\s' "$log" >&2 || true
    rm -f "$log"
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
    /User time \(seconds\)/ { cpu += $2 }
    /System time \(seconds\)/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$log"
  rm -f "$log"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

results=()
for rows in $rows_list; do
  file="$(make_csv "$rows")"
  # The two configurations alternate run by run, so a drift in the machine's speed falls on both alike.
  declare -A walls=() cpus=() peaks=()
  for ((run = 1; run <= runs; run++)); do
    for replicates in 1000 0; do
      measured="$(run_certify "$file" "$replicates" "$rows")"
      read -r wall cpu rss <<<"$measured"
      echo "certify-scale: $rows rows, $replicates replicates, run $run: ${wall} s wall, ${cpu} s CPU, peak $((rss / 1024)) MB" >&2
      walls[$replicates]+="$wall "
      cpus[$replicates]+="$cpu "
      ((rss > ${peaks[$replicates]:-0})) && peaks[$replicates]=$rss
    done
  done
  for replicates in 1000 0; do
    wall="$(printf '%s\n' ${walls[$replicates]} | median)"
    cpu="$(printf '%s\n' ${cpus[$replicates]} | median)"
    results+=("$rows $replicates $wall $cpu ${peaks[$replicates]}")
  done
  unset walls cpus peaks
done

echo
printf '| rows | replicates | wall s | CPU s | rows/s (wall) | peak MB | bootstrap overhead, wall | bootstrap overhead, CPU |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for entry in "${results[@]}"; do
  read -r rows replicates wall cpu peak <<<"$entry"
  overhead_wall="-" overhead_cpu="-"
  if [[ "$replicates" == 1000 ]]; then
    for other in "${results[@]}"; do
      read -r rows0 replicates0 wall0 cpu0 _ <<<"$other"
      if [[ "$rows0" == "$rows" && "$replicates0" == 0 ]]; then
        overhead_wall="$(awk -v a="$wall" -v b="$wall0" 'BEGIN { printf "%+.1f%%", 100 * (a - b) / b }')"
        overhead_cpu="$(awk -v a="$cpu" -v b="$cpu0" 'BEGIN { printf "%+.1f%%", 100 * (a - b) / b }')"
      fi
    done
  fi
  awk -v r="$rows" -v n="$replicates" -v w="$wall" -v c="$cpu" -v p="$peak" -v ow="$overhead_wall" -v oc="$overhead_cpu" \
    'BEGIN { printf "| %d | %d | %.2f | %.2f | %.0f | %.0f | %s | %s |\n", r, n, w, c, r / w, p / 1024, ow, oc }'
done
