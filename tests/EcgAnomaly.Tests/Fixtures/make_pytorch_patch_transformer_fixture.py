"""Writes pytorch_patch_transformer.json: transformer-ae's parameter count and state-dict keys as PyTorch builds them.

Run with Debian's PyTorch (apt-get install python3-torch):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_pytorch_patch_transformer_fixture.py
The model class is in patch_transformer.py. Configurations: the defaults of `--model transformer-ae` (beat 140,
patch 10, width 32, 4 heads, feed-forward 64, 2 layers, code 4 x 8; the README's 57,842 parameters) and a
non-default one whose beat length is not a multiple of the patch, so that every size enters the count.
"""
import json, os, sys
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from patch_transformer import PatchTransformerAutoencoder

CONFIGS = [
    {"beatLength": 140, "patchSize": 10, "modelDim": 32, "heads": 4, "feedForwardDim": 64, "layers": 2, "latentTokens": 4, "latentDim": 8},
    {"beatLength": 97, "patchSize": 7, "modelDim": 24, "heads": 3, "feedForwardDim": 40, "layers": 3, "latentTokens": 3, "latentDim": 5},
]

out = {"torch_version": torch.__version__, "models": []}
for c in CONFIGS:
    m = PatchTransformerAutoencoder(c["beatLength"], c["patchSize"], c["modelDim"], c["heads"], c["feedForwardDim"],
                                    c["layers"], c["latentTokens"], c["latentDim"])
    with torch.no_grad():
        y = m(torch.randn(2, c["beatLength"]))
    assert tuple(y.shape) == (2, c["beatLength"]), y.shape
    out["models"].append({
        "config": c,
        "parameters": sum(p.numel() for p in m.parameters()),
        "keys": [{"name": k, "shape": list(v.shape)} for k, v in m.state_dict().items()],
    })
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch_patch_transformer.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote", [m["parameters"] for m in out["models"]])
