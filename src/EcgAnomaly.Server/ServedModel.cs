using EcgAnomaly.Detection;

namespace EcgAnomaly.Server;

/// <summary>
/// One loaded detector shared by every request. Scoring holds a lock: a detector's network and its fast kernel's
/// buffers are not made for concurrent calls, and each call already uses every core on its batch.
/// </summary>
internal sealed class ServedModel(string name, AutoencoderDetector detector) : IDisposable
{
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public AutoencoderDetector Detector { get; } = detector;

    /// <summary>The scores of <paramref name="beats"/> (one after another, each <paramref name="beatLength"/> long).</summary>
    public double[] Score(float[] beats, int beatLength)
    {
        lock (_gate) return Detector.Score(beats, beatLength);
    }

    public void Dispose() => Detector.Dispose();
}
