namespace EcgAnomaly.Models;

/// <summary>One model family: its <c>kind</c> name, what it is, its spec type and how to make a spec from user sizes.</summary>
public sealed record ModelFamily(string Kind, string Description, Type SpecType, Func<ModelSizes, int, ModelSpec> FromSizes);
