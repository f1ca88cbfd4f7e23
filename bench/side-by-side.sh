#!/usr/bin/env bash
# PyTorch and ecg-anomaly on the same machine, one after the other, same model, data, loop and thread count;
# prints each one's median seconds per training epoch and the ratio (PyTorch / ecg-anomaly: above 1 = we are faster).
#
#   bench/side-by-side.sh [--embedding 32] [--epochs 3] [--threads 1] [--engine all] [--data DIR]
#
# ECG_ANOMALY=path/to/ecg-anomaly uses a published build (dotnet publish src/EcgAnomaly.Cli -c Release -o out);
# without it the tool runs through 'dotnet run -c Release'. BLAS_DIR=folder puts another libblas.so.3 (OpenBLAS)
# in front of Debian's default for the PyTorch run only (see bench/README.md); the JSON says which one it loaded.
set -euo pipefail
cd "$(dirname "$0")/.."

embedding=32 epochs=3 threads=1 engine=all
data="${ECG_ANOMALY_DATA:-../shared/data}"
while [ $# -gt 0 ]; do
  case "$1" in
    --embedding) embedding="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --engine|--kernel) engine="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "side-by-side.sh: unknown option '$1' (expected --embedding, --epochs, --threads, --engine, --data)" >&2; exit 2 ;;
  esac
done
data="$(realpath -m "$data")"
# OpenBLAS unpacked by bench/setup.sh, unless BLAS_DIR names another.
default_blas="${XDG_CACHE_HOME:-$HOME/.cache}/ecg-anomaly/openblas/root/usr/lib/x86_64-linux-gnu/openblas-pthread"
[ -z "${BLAS_DIR:-}" ] && [ -d "$default_blas" ] && BLAS_DIR="$default_blas"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== PyTorch: lstm$embedding, $epochs epoch(s), $threads thread(s)" >&2
LD_LIBRARY_PATH="${BLAS_DIR:-}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  /usr/bin/python3 bench/pytorch_epoch.py --embedding "$embedding" --epochs "$epochs" --threads "$threads" --data "$data" > "$out/pytorch.json"

echo "== ecg-anomaly bench: lstm$embedding, $epochs epoch(s), $threads thread(s), engine $engine" >&2
bench=(bench --model lstm --embedding "$embedding" --engine "$engine" --epochs "$epochs" --threads "$threads"
       --repeats 1 --data "$data" --json "$out/dotnet.json")
if [ -n "${ECG_ANOMALY:-}" ]; then
  "$ECG_ANOMALY" "${bench[@]}" >&2
else
  dotnet run --project src/EcgAnomaly.Cli -c Release -- "${bench[@]}" >&2
fi

/usr/bin/python3 - "$out/pytorch.json" "$out/dotnet.json" <<'PY'
import json, sys
py = json.load(open(sys.argv[1]))
net = json.load(open(sys.argv[2]))
print(f"PyTorch {py['torch']} ({py['blas']}; {', '.join(py['blasLibrary']) or 'no BLAS library mapped'}), "
      f"{py['threads']} thread(s): median {py['medianSecondsPerEpoch']:.3f} s/epoch over {py['epochs']} epoch(s)")
for k in net["engines"]:
    if not k["available"]:
        print(f"ecg-anomaly {k['engine']}: not available ({k['notAvailable']})")
        continue
    median = k["epochs"]["median"]
    print(f"ecg-anomaly {k['engine']} (TorchSharp {net['torchSharpVersion']}), {net['torchThreads']} thread(s): "
          f"median {median:.3f} s/epoch; ratio PyTorch / {k['engine']} = {py['medianSecondsPerEpoch'] / median:.2f}")
PY
