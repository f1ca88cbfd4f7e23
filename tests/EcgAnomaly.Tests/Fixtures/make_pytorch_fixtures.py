"""Writes pytorch_lstm_state_dicts.json: the study's LSTM and Transformer autoencoders as PyTorch builds them.

Run with Debian's PyTorch (apt-get install python3-torch):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_pytorch_fixtures.py
The model classes are in study_lstm.py.
"""
import json, os, sys, torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_lstm import RecurrentAutoencoder
from study_transformer import TransformerAutoencoder

out = {"torch_version": torch.__version__, "models": []}
for e in (32, 64, 128, 256):
    m = RecurrentAutoencoder(140, 1, e)
    sd = m.state_dict()
    out["models"].append({
        "embedding": e,
        "parameters": sum(p.numel() for p in m.parameters()),
        "keys": [{"name": k, "shape": list(v.shape)} for k, v in sd.items()],
    })
out["transformers"] = []
for d, f, h, l in ((2, 256, 2, 2), (4, 256, 2, 2), (4, 256, 4, 2), (2, 512, 2, 2), (4, 512, 2, 2), (4, 512, 4, 2)):
    m = TransformerAutoencoder(d, f, h, l)
    out["transformers"].append({
        "config": [d, f, h, l],
        "parameters": sum(p.numel() for p in m.parameters()),
        "keys": [{"name": k, "shape": list(v.shape)} for k, v in m.state_dict().items()],
    })
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch_lstm_state_dicts.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote", [(m["embedding"], m["parameters"]) for m in out["models"]], [(m["config"], m["parameters"]) for m in out["transformers"]])
