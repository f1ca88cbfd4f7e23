#!/usr/bin/env bash
# Fuzzes one parser with AFL++ through SharpFuzz (fuzz/README.md): scripts/fuzz.sh TARGET [SECONDS]
# Installs what is missing (Debian's afl++, the sharpfuzz tool from .config/dotnet-tools.json), publishes
# fuzz/EcgAnomaly.Fuzz, instruments the library assemblies, makes a seed corpus, fuzzes for SECONDS (default 600)
# and prints how many crashes and hangs AFL++ kept and where. Targets: wfdb-header, wfdb-signal, wfdb-annotation,
# ucr-tsv, ucr-txt, ucr-arff, ucr-ts (the list in fuzz/EcgAnomaly.Fuzz/FuzzTargets.cs).
# Environment: ECG_FUZZ_OUT (default /tmp/ecganomaly-fuzz) holds the findings; ECG_ANOMALY_DATA, when set, adds
# small cuts of the data set's files to the seeds (copied to the findings folder, never into the repository);
# ECG_FUZZ_TIMEOUT_MS (default 2000) is the time one input may take before AFL++ calls it a hang.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET [SECONDS]" >&2
  exit 2
fi
target=$1
seconds=${2:-600}
timeout_ms=${ECG_FUZZ_TIMEOUT_MS:-2000}
case "$seconds" in '' | *[!0-9]*) echo "SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v afl-fuzz >/dev/null; then
  echo "Installing Debian's afl++..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
dotnet tool restore >/dev/null

run=${ECG_FUZZ_OUT:-/tmp/ecganomaly-fuzz}/$target-$(date -u +%Y%m%dT%H%M%SZ)
bin=$run/bin
mkdir -p "$run"
echo "Building into $bin..."
dotnet publish fuzz/EcgAnomaly.Fuzz -c Release -o "$bin" -nologo -v quiet >"$run/build.log" 2>&1 \
  || { tail -20 "$run/build.log"; exit 1; }
if ! dotnet "$bin/EcgAnomaly.Fuzz.dll" "$target" --seeds "$run/seeds"; then exit 2; fi

# Coverage only where the parsers are: all of the Signals assembly, and the Data namespace of the core (its models
# and training code would only add edges that no input reaches).
dotnet sharpfuzz "$bin/EcgAnomaly.Signals.dll" >/dev/null
dotnet sharpfuzz "$bin/EcgAnomaly.dll" EcgAnomaly.Data >/dev/null

# Small real files as extra seeds: AFL++ works best from inputs of a few hundred bytes to a few kilobytes.
data=${ECG_ANOMALY_DATA:-}
if [ -n "$data" ] && [ -d "$data" ]; then
  n=0
  add() { head -c "$2" "$1" >"$run/seeds/data-$((n++))"; }
  case "$target" in
    wfdb-header)
      while IFS= read -r f; do add "$f" 4096; done < <(find "$data" -name '*.hea' -size -4k 2>/dev/null | sort | head -20) ;;
    edf)
      while IFS= read -r f; do add "$f" 8192; done < <(find "$data" -name '*.edf' 2>/dev/null | sort | head -4) ;;
    wfdb-annotation)
      while IFS= read -r f; do add "$f" 2048; done < <(find "$data" -name '*.atr' 2>/dev/null | sort | head -8) ;;
    ucr-*)
      ext=${target#ucr-}
      f=$data/ECG5000/ECG5000_TRAIN.$ext
      # The header lines and the first two rows.
      [ -f "$f" ] && awk '{print} tolower($0) ~ /^@data/ {d=1; next} d||/^[^@%#]/{if (++r==2) exit}' "$f" >"$run/seeds/data-0" ;;
  esac
fi

export ECG_FUZZ_SCRATCH=$run/scratch
[ -d /dev/shm ] && [ -w /dev/shm ] && ECG_FUZZ_SCRATCH=$(mktemp -d /dev/shm/ecganomaly-fuzz.XXXXXX)
mkdir -p "$ECG_FUZZ_SCRATCH"
trap 'rm -rf "$ECG_FUZZ_SCRATCH"' EXIT

echo "Fuzzing $target for $seconds s (findings in $run/findings)..."
# The fork server is SharpFuzz's, not a compiled binary's; core dumps and CPU frequency are the machine's business.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
status=0
afl-fuzz -i "$run/seeds" -o "$run/findings" -t "$timeout_ms" -m none -V "$seconds" \
  dotnet "$bin/EcgAnomaly.Fuzz.dll" "$target" >"$run/afl.log" 2>&1 || status=$?
stats=$run/findings/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  tail -30 "$run/afl.log"
  echo "afl-fuzz did not start (exit $status); its log: $run/afl.log" >&2
  exit 1
fi
stat() { awk -v k="$1" '$1 == k {print $3}' "$stats"; }
crashes=$(find "$run/findings/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$run/findings/default/hangs" -type f -name 'id:*' | wc -l)
echo "$target: $(stat run_time) s, $(stat execs_done) execs ($(stat execs_per_sec)/s), $(stat corpus_count) paths," \
  "$crashes crashes, $hangs hangs ($(date -u +%Y-%m-%d))"
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  echo "crashes: $run/findings/default/crashes"
  echo "hangs:   $run/findings/default/hangs"
  echo "replay:  dotnet $bin/EcgAnomaly.Fuzz.dll $target --replay $run/findings/default/crashes $run/findings/default/hangs"
  exit 1
fi
