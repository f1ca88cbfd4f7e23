"""Loads a run's model.pt into the study's PyTorch model and prints the test scores as JSON.

    /usr/bin/python3 score_with_pytorch.py RUN_DIR BEATS.tsv
Used by PyTorchInteropTest to check that ecg-anomaly's model.pt is a PyTorch state dict that the study's class
loads, and that PyTorch computes the same scores (sum of absolute reconstruction errors) from it.
"""
import json, os, sys
import numpy as np, torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_lstm import RecurrentAutoencoder

run, beats_file = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(run, "model.json")))
arch = manifest["architecture"]
model = RecurrentAutoencoder(arch["beatLength"], 1, arch["embeddingSize"])
state = torch.load(os.path.join(run, "model.pt"))
model.load_state_dict(state)  # strict: every key and shape must match
model.eval()
rows = np.loadtxt(beats_file, delimiter="\t", dtype=np.float64)
beats = torch.tensor(rows[:, 1:], dtype=torch.float32)
with torch.no_grad():
    scores = (model(beats) - beats).abs().sum(1)
print(json.dumps({"keys": list(state.keys()), "scores": scores.tolist()}))
