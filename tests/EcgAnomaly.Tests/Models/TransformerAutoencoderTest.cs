using System.Text.Json;
using EcgAnomaly.Models;

namespace EcgAnomaly.Tests.Models;

/// <summary>Expected keys, shapes and counts from PyTorch: Fixtures/make_pytorch_fixtures.py with Fixtures/study_transformer.py.</summary>
[Collection(SharedTorch.Name)]
public sealed class TransformerAutoencoderTest
{
    public static TheoryData<int, int, int, int> StudyConfigurations => new()
    {
        { 2, 256, 2, 2 }, { 4, 256, 2, 2 }, { 4, 256, 4, 2 }, { 2, 512, 2, 2 }, { 4, 512, 2, 2 }, { 4, 512, 4, 2 },
    };

    [Theory]
    [MemberData(nameof(StudyConfigurations))]
    public void Should_have_pytorch_parameter_count_and_keys_When_built_like_the_study(int d, int f, int h, int l)
    {
        // Given
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_lstm_state_dicts.json")));
        var expected = doc.RootElement.GetProperty("transformers").EnumerateArray()
            .Single(m => m.GetProperty("config").EnumerateArray().Select(v => v.GetInt32()).SequenceEqual([d, f, h, l]));

        // When
        using var model = ModelSpec.Transformer(d, f, h, l).Build();

        // Then
        Assert.Equal(expected.GetProperty("parameters").GetInt64(), ParameterCount.Of(model));
        var expectedKeys = expected.GetProperty("keys").EnumerateArray()
            .Select(k => (
                k.GetProperty("name").GetString()!,
                string.Join("x", k.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()))));
        Assert.Equal(expectedKeys, model.state_dict().Select(kv => (kv.Key, string.Join("x", kv.Value.shape))));
    }

    [Fact]
    public void Should_match_the_study_table_When_counting_the_ten_configurations()
    {
        // SEED-STUDY.md's parameter column, an independent second source.
        var expected = new Dictionary<string, long>
        {
            ["lstm32"] = 63_297,
            ["lstm64"] = 249_473,
            ["lstm128"] = 990_465,
            ["lstm256"] = 3_947_009,
            ["transformer-2-256-2-2"] = 5_315,
            ["transformer-4-256-2-2"] = 9_797,
            ["transformer-4-256-4-2"] = 9_797,
            ["transformer-2-512-2-2"] = 10_435,
            ["transformer-4-512-2-2"] = 19_013,
            ["transformer-4-512-4-2"] = 19_013,
        };
        foreach (var entry in ModelCatalogue.All.Where(e => e.StudyClaimedAuc is not null))
        {
            using var model = entry.Spec.Build();
            Assert.Equal(expected[entry.Name], ParameterCount.Of(model));
        }
    }

    [Theory]
    [InlineData(140)]
    [InlineData(97)]
    public void Should_reconstruct_with_the_input_shape_and_stay_smaller_than_lstm32_When_using_the_patch_transformer(int length)
    {
        using var model = ModelSpec.PatchTransformer(length).Build();
        using var study = ModelSpec.Transformer(4, 512, 4, 2).Build();
        using var input = TorchSharp.torch.randn(3, length);

        using var output = model.call(input);
        using var studyOutput = study.call(TorchSharp.torch.randn(3, length));

        Assert.Equal(new long[] { 3, length }, output.shape);
        Assert.Equal(new long[] { 3, length }, studyOutput.shape);
        Assert.InRange(ParameterCount.Of(model), 1, 63_296);
    }
}
