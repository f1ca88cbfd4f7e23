"""Writes pytorch_lstm_state_dicts.json: the study's LSTM autoencoder as PyTorch builds it.

Run with Debian's PyTorch (apt-get install python3-torch):
    /usr/bin/python3 tests/EcgAnomaly.Tests/Fixtures/make_pytorch_fixtures.py
The module classes below follow ../shared/docs/SEED-STUDY.md (the study's own structure and names).
"""
import json, os, torch
from torch import nn


class Encoder(nn.Module):
    def __init__(self, seq_len, n_features, embedding_dim):
        super().__init__()
        self.encoder_1 = nn.LSTM(n_features, 2 * embedding_dim, num_layers=1, batch_first=True)
        self.encoder_embedding = nn.LSTM(2 * embedding_dim, embedding_dim, num_layers=1, batch_first=True)

    def forward(self, x):
        x, _ = self.encoder_1(x)
        _, (hidden, _) = self.encoder_embedding(x)
        return hidden


class Decoder(nn.Module):
    def __init__(self, seq_len, embedding_dim, n_features=1):
        super().__init__()
        self.seq_len = seq_len
        self.decoder_1 = nn.LSTM(embedding_dim, embedding_dim, num_layers=1, batch_first=True)
        self.decoder_2 = nn.LSTM(embedding_dim, 2 * embedding_dim, num_layers=1, batch_first=True)
        self.decoder_3 = nn.Linear(2 * embedding_dim, n_features)

    def forward(self, code):
        x = code.permute(1, 0, 2).repeat(1, self.seq_len, 1)
        x, _ = self.decoder_1(x)
        x, _ = self.decoder_2(x)
        return self.decoder_3(x).squeeze(-1)


class RecurrentAutoencoder(nn.Module):
    def __init__(self, seq_len, n_features, embedding_dim):
        super().__init__()
        self.encoder = Encoder(seq_len, n_features, embedding_dim)
        self.decoder = Decoder(seq_len, embedding_dim, n_features)

    def forward(self, x):
        return self.decoder(self.encoder(x.unsqueeze(-1)))


out = {"torch_version": torch.__version__, "models": []}
for e in (32, 64, 128, 256):
    m = RecurrentAutoencoder(140, 1, e)
    sd = m.state_dict()
    out["models"].append({
        "embedding": e,
        "parameters": sum(p.numel() for p in m.parameters()),
        "keys": [{"name": k, "shape": list(v.shape)} for k, v in sd.items()],
    })
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch_lstm_state_dicts.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote", [(m["embedding"], m["parameters"]) for m in out["models"]])
