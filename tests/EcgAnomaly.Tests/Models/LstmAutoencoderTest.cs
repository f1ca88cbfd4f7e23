using System.Text.Json;
using EcgAnomaly.Models;

namespace EcgAnomaly.Tests.Models;

/// <summary>Expected keys, shapes and counts come from PyTorch: Fixtures/make_pytorch_fixtures.py (Debian python3-torch 1.13).</summary>
[Collection(SharedTorch.Name)]
public sealed class LstmAutoencoderTest
{
    /// <summary>The study's four code sizes E.</summary>
    private static readonly int[] StudyEmbeddings = [32, 64, 128, 256];

    public static TheoryData<int> Embeddings => new(StudyEmbeddings);

    [Theory]
    [MemberData(nameof(Embeddings))]
    public void Should_have_pytorch_parameter_count_and_keys_When_built_with_embedding(int embedding)
    {
        // Given
        var expected = PyTorchModel(embedding);

        // When
        using var model = ModelSpec.Lstm(embedding).Build();
        var state = model.state_dict();

        // Then
        Assert.Equal(expected.GetProperty("parameters").GetInt64(), ParameterCount.Of(model));
        var expectedKeys = expected.GetProperty("keys").EnumerateArray()
            .Select(k => (
                k.GetProperty("name").GetString()!,
                string.Join("x", k.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()))))
            .ToArray();
        var actualKeys = state.Select(kv => (kv.Key, string.Join("x", kv.Value.shape))).ToArray();
        Assert.Equal(expectedKeys, actualKeys);
    }

    [Fact]
    public void Should_match_the_study_counts_When_counting_the_four_sizes()
    {
        // The study's table (SEED-STUDY.md) as a second, independent source for the same numbers.
        var counts = StudyEmbeddings.Select(e =>
        {
            using var m = ModelSpec.Lstm(e).Build();
            return ParameterCount.Of(m);
        });
        Assert.Equal([63_297L, 249_473L, 990_465L, 3_947_009L], counts);
    }

    [Fact]
    public void Should_reconstruct_a_batch_with_the_input_shape_When_called()
    {
        using var model = new LstmAutoencoder(8, 50);
        using var input = TorchSharp.torch.randn(3, 50);
        using var output = model.call(input);
        Assert.Equal(new long[] { 3, 50 }, output.shape);
    }

    private static JsonElement PyTorchModel(int embedding)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_lstm_state_dicts.json")));
        return doc.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("embedding").GetInt32() == embedding).Clone();
    }
}
