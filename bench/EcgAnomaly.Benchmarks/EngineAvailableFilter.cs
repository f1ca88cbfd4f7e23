using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using EcgAnomaly.Benchmarking;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// Leaves out the cases whose engine this build lacks, asking the library
/// once per engine and model size, and remembers why, so the run names them as not available instead of failing.
/// </summary>
internal sealed class EngineAvailableFilter : IFilter
{
    private readonly Dictionary<(ComputeEngine, int), string?> _checked = [];

    public IEnumerable<string> Unavailable =>
        _checked.Where(c => c.Value is not null).Select(c => $"{c.Key.Item1} engine, E={c.Key.Item2}: not available ({c.Value})");

    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        var items = benchmarkCase.Parameters.Items;
        if (items.FirstOrDefault(p => p.Name == nameof(TrainingEpochBenchmark.Engine))?.Value is not ComputeEngine engine) return true;
        // The fast kernel implements the LSTM only: a Transformer case with it has nothing to time.
        if (engine == ComputeEngine.Fast
            && items.FirstOrDefault(p => p.Name == nameof(ScoringBenchmark.Model))?.Value is string model
            && !model.StartsWith("lstm", StringComparison.Ordinal))
        {
            return false;
        }
        var embedding = items.FirstOrDefault(p => p.Name == nameof(TrainingEpochBenchmark.Embedding))?.Value as int? ?? 32;
        if (!_checked.TryGetValue((engine, embedding), out var reason))
            _checked[(engine, embedding)] = reason = EngineAvailability.Check(engine, ModelSpec.Lstm(embedding));
        return reason is null;
    }
}
