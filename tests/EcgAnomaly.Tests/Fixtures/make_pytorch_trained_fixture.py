"""Trains the study's LSTM autoencoder (E=32) briefly in PyTorch and saves what the interop tests compare against.

    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_pytorch_trained_fixture.py [/path/to/shared/data]

Writes pytorch_lstm32_trained.pt (the state dict, as the study's code saves it) and pytorch_lstm32_trained.json
(PyTorch's scores of the 500 beats of ECG5000_TRAIN and scikit-learn's ROC AUC of those scores).
"""
import json, os, sys
import numpy as np, torch
from sklearn.metrics import roc_auc_score
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from study_lstm import RecurrentAutoencoder

here = os.path.dirname(os.path.abspath(__file__))
# The data folder: the argument, else ECG_ANOMALY_DATA (as the tests find it), else ../shared/data beside the repository.
data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ECG_ANOMALY_DATA") or os.path.join(here, "..", "..", "..", "..", "shared", "data")
torch.manual_seed(20261125)
torch.set_num_threads(1)
test = np.loadtxt(os.path.join(data, "ECG5000", "ECG5000_TEST.tsv"), delimiter="\t")
train = np.loadtxt(os.path.join(data, "ECG5000", "ECG5000_TRAIN.tsv"), delimiter="\t")
normals = torch.tensor(test[test[:, 0] == 1][:600, 1:], dtype=torch.float32)
model = RecurrentAutoencoder(140, 1, 32)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.L1Loss(reduction="sum")
for epoch in range(3):
    for batch in torch.randperm(len(normals)).split(32):
        optimizer.zero_grad()
        x = normals[batch]
        loss = loss_fn(model(x), x)
        loss.backward()
        optimizer.step()
model.eval()
beats = torch.tensor(train[:, 1:], dtype=torch.float32)
with torch.no_grad():
    scores = (model(beats) - beats).abs().sum(1).numpy().astype(float)
labels = (train[:, 0] != 1).astype(int)
torch.save(model.state_dict(), os.path.join(here, "pytorch_lstm32_trained.pt"))
with open(os.path.join(here, "pytorch_lstm32_trained.json"), "w") as f:
    json.dump({"torch_version": torch.__version__, "epochs": 3, "rocAuc": float(roc_auc_score(labels, scores)), "scores": scores.tolist()}, f)
print("AUC", roc_auc_score(labels, scores))
