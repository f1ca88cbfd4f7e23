"""The study's Transformer autoencoder in PyTorch, as ../shared/docs/SEED-STUDY.md specifies it (structure and names)."""
import torch
from torch import nn


class TransformerAutoencoder(nn.Module):
    def __init__(self, input_dim, ff_dim, heads, layers):
        super().__init__()
        self.input_dim = input_dim
        self.encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(input_dim, heads, ff_dim), layers)
        self.decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(input_dim, heads, ff_dim), layers)
        self.fc = nn.Linear(input_dim, 1)

    def forward(self, x):  # x: batch x steps
        tokens = x.transpose(0, 1).unsqueeze(-1).repeat(1, 1, self.input_dim)  # steps x batch x D
        memory = self.encoder(tokens)
        return self.fc(self.decoder(memory, memory)).squeeze(-1).transpose(0, 1)
