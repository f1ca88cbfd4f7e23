"""Our patch Transformer autoencoder (transformer-ae, src/EcgAnomaly/Models/PatchTransformerAutoencoder.cs) in PyTorch.

Same submodules, field names and registration as the C# class, so the same state-dict keys; the C# side builds its
layers with TorchSharp's nn.TransformerEncoderLayer / nn.TransformerDecoderLayer, the twins of these.
"""
import math
import torch
from torch import nn


class PatchTransformerAutoencoder(nn.Module):
    def __init__(self, beat_length, patch_size, model_dim, heads, ff_dim, layers, latent_tokens, latent_dim):
        super().__init__()
        self.beat_length = beat_length
        self.patch = patch_size
        self.tokens = math.ceil(beat_length / patch_size)
        self.patch_embed = nn.Linear(patch_size, model_dim)
        self.positions = nn.Parameter(torch.randn(self.tokens, 1, model_dim) * 0.02)
        self.encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(model_dim, heads, ff_dim, 0.0), layers)
        self.latent_queries = nn.Parameter(torch.randn(latent_tokens, 1, model_dim) * 0.02)
        self.pool = nn.TransformerDecoderLayer(model_dim, heads, ff_dim, 0.0)
        self.to_latent = nn.Linear(model_dim, latent_dim)
        self.from_latent = nn.Linear(latent_dim, model_dim)
        self.queries = nn.Parameter(torch.randn(self.tokens, 1, model_dim) * 0.02)
        self.decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(model_dim, heads, ff_dim, 0.0), layers)
        self.head = nn.Linear(model_dim, patch_size)

    def forward(self, beats):  # batch x steps
        batch = beats.shape[0]
        padded = nn.functional.pad(beats, (0, self.tokens * self.patch - self.beat_length))
        patches = padded.reshape(batch, self.tokens, self.patch).transpose(0, 1)  # tokens x batch x patch
        memory = self.encoder(self.patch_embed(patches) + self.positions)
        pooled = self.pool(self.latent_queries.expand(-1, batch, -1), memory)
        code = self.from_latent(torch.tanh(self.to_latent(pooled)))
        decoded = self.decoder(self.queries.expand(-1, batch, -1), code)
        output = self.head(decoded).transpose(0, 1).reshape(batch, self.tokens * self.patch)
        return output[:, :self.beat_length]
