using System.Text.Json;
using EcgAnomaly.Models;
using static TorchSharp.torch;

namespace EcgAnomaly.Tests.Models;

/// <summary>
/// transformer-ae against its PyTorch twin (Fixtures/patch_transformer.py): parameter counts, state-dict keys and shapes
/// written by PyTorch in Fixtures/make_pytorch_patch_transformer_fixture.py (Debian python3-torch).
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class PatchTransformerAutoencoderTest
{
    [Fact]
    public void Should_have_pytorch_parameter_count_keys_and_shapes_When_built_with_the_default_sizes()
    {
        // Given: PyTorch's twin with `--model transformer-ae`'s defaults
        var expected = Expected(beatLength: 140);
        Assert.Equal(57_842, expected.GetProperty("parameters").GetInt64()); // the README's count, as PyTorch counts it

        // When
        using var model = ModelSpec.PatchTransformer().Build();

        // Then
        AssertLikePyTorch(expected, model);
    }

    [Fact]
    public void Should_have_pytorch_parameter_count_keys_and_shapes_When_every_size_differs_from_the_defaults()
    {
        // Given: beat 97 (not a multiple of the patch 7), width 24, 3 heads, feed-forward 40, 3 layers, code 3 x 5
        var expected = Expected(beatLength: 97);
        var c = expected.GetProperty("config");
        int Size(string name) => c.GetProperty(name).GetInt32();

        // When
        using var model = new PatchTransformerAutoencoder(Size("beatLength"), Size("patchSize"), Size("modelDim"), Size("heads"),
            Size("feedForwardDim"), Size("layers"), Size("latentTokens"), Size("latentDim"));

        // Then
        AssertLikePyTorch(expected, model);
    }

    private static void AssertLikePyTorch(JsonElement expected, nn.Module<Tensor, Tensor> model)
    {
        Assert.Equal(expected.GetProperty("parameters").GetInt64(), ParameterCount.Of(model));
        var expectedKeys = expected.GetProperty("keys").EnumerateArray()
            .Select(k => (
                k.GetProperty("name").GetString()!,
                string.Join("x", k.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()))));
        var actualKeys = model.state_dict().Select(kv => (kv.Key, string.Join("x", kv.Value.shape)));
        Assert.Equal(expectedKeys, actualKeys);
    }

    private static JsonElement Expected(int beatLength)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("pytorch_patch_transformer.json")));
        return doc.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("config").GetProperty("beatLength").GetInt32() == beatLength).Clone();
    }
}
