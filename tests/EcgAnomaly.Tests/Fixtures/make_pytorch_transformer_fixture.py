"""Expected outputs and gradients of the study's Transformer AE, computed by PyTorch (Debian python3-torch).

Writes pytorch_transformer_eval.json: a small configuration (D=4, F=16, H=2, L=2) with seeded weights, a 3 x 140
input, the eval-mode output, the gradient of sum|output - input| for every parameter, and whether PyTorch's
TransformerEncoder/Decoder start every layer from the same weights (they deep-copy one layer).
Run with Debian's PyTorch (apt-get install python3-torch), from any folder; it writes beside itself:
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_pytorch_transformer_fixture.py
"""
import json, os, sys
import torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_transformer import TransformerAutoencoder

torch.manual_seed(20261125)
model = TransformerAutoencoder(4, 16, 2, 2)
identical = all(
    torch.equal(a, b)
    for stack in (model.encoder.layers, model.decoder.layers)
    for a, b in zip(stack[0].state_dict().values(), stack[1].state_dict().values()))
# Make the layers differ so that the test sees each layer's own weights used.
with torch.no_grad():
    for p in model.parameters():
        p.add_(0.05 * torch.randn_like(p))
model.eval()
x = torch.randn(3, 140)
y = model(x)
(y - x).abs().sum().backward()
out = {
    "config": [4, 16, 2, 2],
    "layers_start_identical": identical,
    "state": {k: {"shape": list(v.shape), "values": v.flatten().tolist()} for k, v in model.state_dict().items()},
    "input": x.tolist(),
    "output": y.detach().tolist(),
    "grads": {k: p.grad.flatten().tolist() for k, p in model.named_parameters()},
    "torch": torch.__version__,
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch_transformer_eval.json"), "w") as f:
    json.dump(out, f)
print("wrote pytorch_transformer_eval.json, layers start identical:", identical)
