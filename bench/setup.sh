#!/usr/bin/env bash
# Prerequisites of the PyTorch side of the benchmarks, from Debian's packages:
# - python3-torch (PyTorch 1.13), installed system-wide if missing;
# - OpenBLAS, unpacked into the per-user cache instead of installed, because installing libopenblas0-pthread would
#   switch the libblas.so.3 alternative for every program on the machine. side-by-side.sh finds it there.
set -euo pipefail
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
if ! /usr/bin/python3 -c "import torch" >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch >/dev/null
fi
cache="${XDG_CACHE_HOME:-$HOME/.cache}/ecg-anomaly/openblas"
if [ ! -e "$cache/root/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3" ]; then
  rm -rf "$cache" && mkdir -p "$cache"
  (cd "$cache" && apt-get download libopenblas0-pthread >/dev/null && dpkg -x libopenblas0-pthread_*.deb root)
fi
echo "BLAS_DIR=$cache/root/usr/lib/x86_64-linux-gnu/openblas-pthread"
