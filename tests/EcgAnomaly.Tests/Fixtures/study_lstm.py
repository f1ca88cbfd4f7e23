"""The study's LSTM autoencoder in PyTorch, as ../shared/docs/SEED-STUDY.md specifies it (structure and names)."""
import torch
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
