namespace EcgAnomaly.Tests;

/// <summary>
/// Tests that train or seed Torch share one collection: Torch's random generator and thread pool are process-wide,
/// so running them one at a time keeps seeded results exact and timings sane.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedTorch
{
    public const string Name = "Torch";
}
