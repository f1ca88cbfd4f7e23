using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using EcgAnomaly.Benchmarking;
using EcgAnomaly.Models;
using EcgAnomaly.Training;

namespace EcgAnomaly.Benchmarks;

/// <summary>
/// Leaves out the cases whose kernel this build lacks (the fast kernel is written in parallel), asking the library
/// once per kernel and model size, and remembers why, so the run names them as not available instead of failing.
/// </summary>
internal sealed class KernelAvailableFilter : IFilter
{
    private readonly Dictionary<(ComputeEngine, int), string?> _checked = [];

    public IEnumerable<string> Unavailable =>
        _checked.Where(c => c.Value is not null).Select(c => $"{c.Key.Item1} kernel, E={c.Key.Item2}: not available ({c.Value})");

    public bool Predicate(BenchmarkCase benchmarkCase)
    {
        var items = benchmarkCase.Parameters.Items;
        if (items.FirstOrDefault(p => p.Name == nameof(TrainingEpochBenchmark.Kernel))?.Value is not ComputeEngine kernel) return true;
        // The fast kernel implements the LSTM only: a Transformer case with it has nothing to time.
        if (kernel == ComputeEngine.Fast && items.FirstOrDefault(p => p.Name == nameof(ScoringBenchmark.Model))?.Value is string model && !model.StartsWith("lstm", StringComparison.Ordinal))
            return false;
        var embedding = items.FirstOrDefault(p => p.Name == nameof(TrainingEpochBenchmark.Embedding))?.Value as int? ?? 32;
        if (!_checked.TryGetValue((kernel, embedding), out var reason))
            _checked[(kernel, embedding)] = reason = EngineAvailability.Check(kernel, ModelSpec.Lstm(embedding));
        return reason is null;
    }
}
