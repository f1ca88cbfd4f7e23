using EcgAnomaly.Models;
using EcgAnomaly.Training;
using static TorchSharp.torch;

namespace EcgAnomaly.Detection;

/// <summary>
/// The networks and their scorers, shared by a detector and the copies it makes with another threshold or preprocessing;
/// disposed when the last of them is. One network, or the members of an ensemble, whose score is the mean of theirs.
/// </summary>
internal sealed class DetectorCore
{
    private readonly ModelScorer[] _scorers;
    private int _references = 1;

    public DetectorCore(
        ModelSpec spec, IReadOnlyList<nn.Module<Tensor, Tensor>> members, Device device, int scoringBatchSize, ComputeEngine engine)
    {
        if (members.Count == 0) throw new ArgumentException("a detector needs at least one network", nameof(members));
        Spec = spec;
        Members = members;
        var batch = Math.Min(scoringBatchSize, spec.ScoringBatchLimit);
        _scorers = new ModelScorer[members.Count];
        try
        {
            for (var m = 0; m < members.Count; m++) _scorers[m] = new ModelScorer(engine, members[m], batch, device);
        }
        catch
        {
            foreach (var scorer in _scorers) scorer?.Dispose();
            throw;
        }
    }

    public ModelSpec Spec { get; }

    public IReadOnlyList<nn.Module<Tensor, Tensor>> Members { get; }

    /// <summary>The first member (the only one of a single network).</summary>
    public nn.Module<Tensor, Tensor> Model => Members[0];

    public ModelScorer Scorer => _scorers[0];

    /// <summary>The detector's scores: the network's, or the mean of the members'.</summary>
    public double[] Score(ReadOnlySpan<float> beats, int beatLength)
    {
        var scores = _scorers[0].Score(beats, beatLength);
        if (_scorers.Length == 1) return scores;
        for (var m = 1; m < _scorers.Length; m++)
        {
            var member = _scorers[m].Score(beats, beatLength);
            for (var i = 0; i < scores.Length; i++) scores[i] += member[i];
        }
        for (var i = 0; i < scores.Length; i++) scores[i] /= _scorers.Length;
        return scores;
    }

    /// <summary>Each member's own scores, member by member.</summary>
    public double[][] ScoreEach(ReadOnlySpan<float> beats, int beatLength)
    {
        var each = new double[_scorers.Length][];
        for (var m = 0; m < _scorers.Length; m++) each[m] = _scorers[m].Score(beats, beatLength);
        return each;
    }

    public DetectorCore Acquire()
    {
        ObjectDisposedException.ThrowIf(Interlocked.Increment(ref _references) <= 1, typeof(AutoencoderDetector));
        return this;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0) return;
        foreach (var scorer in _scorers) scorer.Dispose();
        foreach (var member in Members) member.Dispose();
    }
}
