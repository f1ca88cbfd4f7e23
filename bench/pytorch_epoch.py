#!/usr/bin/env python3
"""One seed-protocol training epoch in PyTorch: the counterpart of `ecg-anomaly bench`, for a side-by-side timing.

The same model (the study's LSTM autoencoder, imported from tests/EcgAnomaly.Tests/Fixtures/study_lstm.py) and the
same loop as src/EcgAnomaly/Training/Trainer.cs: the normal beats of ECG5000_TEST split 1,970 train / 657 validation
with a fixed seed, Adam lr 1e-3, L1 loss summed over the batch, shuffled batches of 32, then one validation pass per
epoch in batches of 512 under no_grad. Each epoch is timed from the first batch to the end of its validation pass,
as the C# trainer times it. Prints JSON on stdout.

    /usr/bin/python3 bench/pytorch_epoch.py --embedding 32 --epochs 3 --threads 1 --data ../shared/data
"""
import argparse
import json
import math
import os
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedding", type=int, default=32, help="LSTM code size E (default 32)")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs (default 3)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--data", default=os.environ.get("ECG_ANOMALY_DATA", os.path.join(HERE, "..", "..", "shared", "data")),
                        help="folder holding ECG5000/ (default: $ECG_ANOMALY_DATA, else ../shared/data beside the repository)")
    parser.add_argument("--seed", type=int, default=777, help="split, weight and batch-order seed (default 777)")
    args = parser.parse_args()
    if args.embedding < 1 or args.epochs < 1 or args.threads < 1:
        parser.error("--embedding, --epochs and --threads must be at least 1")
    return args


ARGS = parse_args()
# OpenBLAS starts its own thread pool at load time and torch.set_num_threads does not reach it: cap it before import.
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(ARGS.threads))
os.environ.setdefault("OMP_NUM_THREADS", str(ARGS.threads))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

sys.path.insert(0, os.path.join(HERE, "..", "tests", "EcgAnomaly.Tests", "Fixtures"))
from study_lstm import RecurrentAutoencoder  # noqa: E402


def load_normals(data):
    """Class-1 beats of ECG5000_TEST.tsv (the seed protocol's training pool: 2,627 beats of 140 samples)."""
    folder = os.path.join(data, "ECG5000")
    path = os.path.join(folder if os.path.isdir(folder) else data, "ECG5000_TEST.tsv")
    if not os.path.isfile(path):
        sys.exit(f"pytorch_epoch.py: {path} not found; pass --data DIR (the folder holding ECG5000/)")
    table = np.loadtxt(path, delimiter="\t", dtype=np.float32)
    return table[table[:, 0] == 1, 1:]


def blas_library():
    """The BLAS shared library this process actually loaded (Debian switches libblas.so.3 between implementations)."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return sorted(os.path.realpath(p) for p in paths)


def blas_summary():
    """The BLAS part of torch.__config__.show() (Debian's build says BLAS_INFO=generic: whatever libblas.so.3 is)."""
    found = re.findall(r"\b((?:BLAS|LAPACK)_INFO=[^,\s]+)", torch.__config__.show())
    return ", ".join(found) if found else "unknown"


def main():
    torch.set_num_threads(ARGS.threads)
    normals = load_normals(ARGS.data)
    rng = np.random.default_rng(ARGS.seed)
    order = rng.permutation(len(normals))
    validation_count = math.ceil(len(normals) * 0.25)  # 657 of 2,627, as the C# split sizes it
    validation = torch.from_numpy(normals[order[:validation_count]])
    train = torch.from_numpy(normals[order[validation_count:]])

    torch.manual_seed(ARGS.seed)
    model = RecurrentAutoencoder(train.shape[1], 1, ARGS.embedding)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.L1Loss(reduction="sum")
    shuffler = torch.Generator().manual_seed(ARGS.seed)

    seconds, train_loss, validation_loss = [], [], []
    for _ in range(ARGS.epochs):
        start = time.perf_counter()
        model.train()
        total = 0.0
        for batch in torch.randperm(len(train), generator=shuffler).split(32):
            x = train[batch]
            optimizer.zero_grad()
            loss = criterion(model(x), x)
            loss.backward()
            optimizer.step()
            total += loss.item()
        model.eval()
        with torch.no_grad():
            errors = torch.cat([(model(x) - x).abs().sum(1) for x in validation.split(512)])
        seconds.append(time.perf_counter() - start)
        train_loss.append(total / len(train))
        validation_loss.append(errors.mean().item())

    print(json.dumps({
        "torch": torch.__version__,
        "blas": blas_summary(),
        "blasLibrary": blas_library(),
        "threads": torch.get_num_threads(),
        "model": f"lstm{ARGS.embedding}",
        "parameters": sum(p.numel() for p in model.parameters()),
        "trainBeats": len(train),
        "validationBeats": len(validation),
        "batchSize": 32,
        "epochs": ARGS.epochs,
        "secondsPerEpoch": seconds,
        "medianSecondsPerEpoch": statistics.median(seconds),
        "minSecondsPerEpoch": min(seconds),
        "maxSecondsPerEpoch": max(seconds),
        "trainLoss": train_loss,
        "validationLoss": validation_loss,
    }, indent=2))


if __name__ == "__main__":
    main()
