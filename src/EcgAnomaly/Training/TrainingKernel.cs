namespace EcgAnomaly.Training;

/// <summary>Which implementation runs the LSTM autoencoder's arithmetic.</summary>
public enum TrainingKernel
{
    /// <summary>Fast where it applies (LSTM, CPU, AVX2/FMA, embedding a multiple of 8), else Reference.</summary>
    Auto,

    /// <summary>TorchSharp's nn.LSTM and autograd (any device, any model).</summary>
    Reference,

    /// <summary>The hand-written CPU LSTM autoencoder (AVX2/FMA, batch split over two threads); LSTM models on the CPU only.</summary>
    Fast,
}
