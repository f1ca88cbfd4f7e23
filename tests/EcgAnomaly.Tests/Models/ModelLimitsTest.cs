using EcgAnomaly.Models;

namespace EcgAnomaly.Tests.Models;

/// <summary>
/// The spec limits: the analytic parameter estimate a spec is bounded by before it is built equals the built module's
/// count, every catalogue model fits, and specs too large in total are refused although each size is in its range.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ModelLimitsTest
{
    public static TheoryData<ModelSpec> Specs => new()
    {
        ModelSpec.Lstm(8, 60),
        ModelSpec.Lstm(32),
        ModelSpec.Transformer(4, 512, 4, 2),
        ModelSpec.Transformer(2, 256, 2, 3, beatLength: 50),
        ModelSpec.PatchTransformer(),
        ModelSpec.PatchTransformer(beatLength: 145, modelDim: 16, feedForwardDim: 32, heads: 2, layers: 1),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Should_equal_the_built_modules_count_When_the_parameters_are_estimated_from_the_sizes(ModelSpec spec) =>
        Assert.Equal(spec.ParameterCount(), spec.EstimateParameters());

    [Fact]
    public void Should_accept_every_catalogue_model_When_specs_are_checked_against_the_limits()
    {
        foreach (var entry in ModelCatalogue.All) entry.Spec.Validate();
    }

    public static TheoryData<ModelSpec, string> TooLarge => new()
    {
        { ModelSpec.PatchTransformer(modelDim: 4096, feedForwardDim: 65536, heads: 4, layers: 64), "parameters" },
        { ModelSpec.Lstm(32, beatLength: 999_999), "BeatLength" },
        { ModelSpec.Transformer(4, 512, 4, 2, beatLength: 10_000), "MiB of working memory" },
        { ModelSpec.Lstm(4096), "parameters" },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public void Should_refuse_before_building_When_the_sizes_multiply_into_a_model_too_large(ModelSpec spec, string words)
    {
        var error = Assert.ThrowsAny<ArgumentException>(spec.Validate);
        Assert.Contains(words, error.Message);
    }
}
