using System.Text.Json.Serialization;

namespace EcgAnomaly.Training;

/// <summary>Which implementation runs a model's arithmetic, for training and for scoring (JSON: the command line's names).</summary>
public enum ComputeEngine
{
    /// <summary>Fast where it applies (LSTM, CPU, AVX2/FMA, embedding a multiple of 8), else TorchSharp.</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>TorchSharp's modules and autograd (any device, any model); the reference the fast engine is checked against.</summary>
    [JsonStringEnumMemberName("torchsharp")]
    TorchSharp,

    /// <summary>The hand-written CPU LSTM autoencoder (AVX2/FMA, batch split over two threads); LSTM models on the CPU only.</summary>
    [JsonStringEnumMemberName("fast")]
    Fast,
}
