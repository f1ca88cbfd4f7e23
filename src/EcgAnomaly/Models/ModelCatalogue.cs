namespace EcgAnomaly.Models;

/// <summary>The study's ten configurations and the new Transformer, with the study's numbers (SEED-STUDY.md).</summary>
public static class ModelCatalogue
{
    /// <summary>Every configuration, in the order of the study's table; the names are what <c>reproduce --only</c> takes.</summary>
    public static IReadOnlyList<CatalogueEntry> All { get; } =
    [
        new("lstm32", ModelSpec.Lstm(32), 0.995, [0.9950, 0.9922, 0.9901]),
        new("lstm64", ModelSpec.Lstm(64), 0.996, [0.9879, 0.9929, 0.9862]),
        new("lstm128", ModelSpec.Lstm(128), 0.989, [0.9842]),
        new("lstm256", ModelSpec.Lstm(256), 0.992, [0.9882]),
        new("transformer-2-256-2-2", ModelSpec.Transformer(2, 256, 2, 2), 0.267, [0.2632]),
        new("transformer-4-256-2-2", ModelSpec.Transformer(4, 256, 2, 2), 0.946, [0.9321]),
        new("transformer-4-256-4-2", ModelSpec.Transformer(4, 256, 4, 2), 0.950, [0.9580]),
        new("transformer-2-512-2-2", ModelSpec.Transformer(2, 512, 2, 2), 0.261, [0.2613]),
        new("transformer-4-512-2-2", ModelSpec.Transformer(4, 512, 2, 2), 0.963, [0.9531]),
        new("transformer-4-512-4-2", ModelSpec.Transformer(4, 512, 4, 2), 0.591, [0.9540]),
        new("transformer-ae", ModelSpec.PatchTransformer(), null, []),
    ];

    /// <summary>The entries named (case-insensitive), in catalogue order.</summary>
    /// <exception cref="ArgumentException">A name is not in the catalogue; the message lists the valid ones.</exception>
    public static IReadOnlyList<CatalogueEntry> Select(IEnumerable<string> names)
    {
        var wanted = names.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0).ToHashSet();
        var unknown = wanted.Where(n => All.All(e => e.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"unknown configuration '{unknown[0]}' (expected any of {string.Join(", ", All.Select(e => e.Name))})");
        return All.Where(e => wanted.Contains(e.Name)).ToList();
    }
}
