namespace EcgAnomaly.Models;

/// <summary>
/// Every model family the tool can build, train, save and load. A new family is one spec record, one module and one
/// line here.
/// </summary>
public static class ModelFamilies
{
    /// <summary>Every family, in the order <c>ecg-anomaly models</c> lists them.</summary>
    public static IReadOnlyList<ModelFamily> All { get; } =
    [
        new(LstmSpec.FamilyKind, "the study's LSTM autoencoder", typeof(LstmSpec), LstmSpec.FromSizes),
        new(StudyTransformerSpec.FamilyKind, "the study's Transformer autoencoder", typeof(StudyTransformerSpec),
            StudyTransformerSpec.FromSizes),
        new(PatchTransformerSpec.FamilyKind, "a patch Transformer with a bottleneck", typeof(PatchTransformerSpec),
            PatchTransformerSpec.FromSizes),
    ];

    /// <summary>The families' kinds (<c>--model</c> values), for help texts and error messages.</summary>
    public static IReadOnlyList<string> Kinds { get; } = All.Select(f => f.Kind).ToArray();

    /// <summary>The family called <paramref name="kind"/>, or null.</summary>
    public static ModelFamily? Find(string? kind) => All.FirstOrDefault(f => f.Kind == kind);

    /// <summary>A valid spec of family <paramref name="kind"/> for beats of <paramref name="beatLength"/> samples.</summary>
    /// <exception cref="ArgumentException">The kind is unknown (the message lists the known ones) or a size is not valid.</exception>
    public static ModelSpec Create(string kind, ModelSizes sizes, int beatLength = 140)
    {
        var family = Find(kind)
            ?? throw new ArgumentException($"unknown model '{kind}' (expected one of {string.Join(", ", Kinds)})", nameof(kind));
        var spec = family.FromSizes(sizes, beatLength);
        spec.Validate();
        return spec;
    }
}
