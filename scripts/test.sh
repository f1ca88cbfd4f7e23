#!/usr/bin/env bash
# The project's test command (README, .ci/run). Installs what the tests need beyond the .NET SDK, then runs them.
# - Debian's python3-torch: the tests load our model.pt into the study's PyTorch model and compare scores.
# - Debian's chromium: the viewer's browser tests.
# The ECG5000 data is found through ECG_ANOMALY_DATA (default here: ../shared/data beside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
export ECG_ANOMALY_DATA="$(realpath -m "${ECG_ANOMALY_DATA:-../shared/data}")"

if ! /usr/bin/python3 -c "import torch" >/dev/null 2>&1; then
  echo "Installing Debian's python3-torch (needed by the PyTorch interop tests)..."
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
  fi
fi

# - Debian's Chromium: the viewer's browser tests drive it with Playwright (ViewerBrowserTest).
if [ ! -x /usr/lib/chromium/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "Installing Debian's chromium (needed by the viewer's browser tests)..."
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test EcgAnomaly.slnx -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for tools that read it: "N passed, N failed".
passed=$(awk '/^ +Passed: [0-9]+/ {s+=$2} END {print s+0}' "$log")
failed=$(awk '/^ +Failed: [0-9]+/ {s+=$2} END {print s+0}' "$log")
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
