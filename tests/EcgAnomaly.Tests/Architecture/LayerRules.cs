namespace EcgAnomaly.Tests.Architecture;

/// <summary>
/// Layers from lowest to highest: a namespace may use its own layer and lower ones, never a higher one. A namespace
/// belongs to the layer with the longest matching name (<c>EcgAnomaly.Training.Fast</c> is in <c>EcgAnomaly.Training</c>).
/// </summary>
internal sealed class LayerRules(IReadOnlyList<string> layers)
{
    public IReadOnlyList<string> Layers { get; } = layers;

    public int LayerOf(string ns)
    {
        var best = -1;
        for (var i = 0; i < Layers.Count; i++)
        {
            var layer = Layers[i];
            var matches = ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal);
            if (matches && (best < 0 || layer.Length > Layers[best].Length)) best = i;
        }
        return best;
    }

    /// <summary>Each use of a higher layer, or of a namespace no layer names, as a readable line.</summary>
    public IReadOnlyList<string> Violations(IEnumerable<(string From, string To, string FromType, string ToType)> uses) =>
        uses.Select(u => (Use: u, From: LayerOf(u.From), To: LayerOf(u.To)))
            .Where(u => u.From < 0 || u.To < 0 || u.To > u.From)
            .Select(u => u.From < 0 || u.To < 0
                ? $"{u.Use.From} or {u.Use.To} is in no layer ({u.Use.FromType} uses {u.Use.ToType})"
                : $"{u.Use.From} (layer {u.From}) uses the higher {u.Use.To} (layer {u.To}): {u.Use.FromType} -> {u.Use.ToType}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
