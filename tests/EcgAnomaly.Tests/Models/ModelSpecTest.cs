using System.Text.Json;
using EcgAnomaly.Models;
using EcgAnomaly.RunFolders;

namespace EcgAnomaly.Tests.Models;

/// <summary>One record per model family: each validates itself, builds itself and keeps model.json's kind values.</summary>
[Collection(SharedTorch.Name)]
public sealed class ModelSpecTest
{
    public static TheoryData<ModelSpec, string> Specs => new()
    {
        { ModelSpec.Lstm(16, 60), "lstm" },
        { ModelSpec.Transformer(4, 64, 2, 1), "transformer" },
        { ModelSpec.PatchTransformer(modelDim: 16, feedForwardDim: 32, heads: 2, layers: 1), "transformer-ae" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Should_read_back_the_same_family_and_sizes_When_a_spec_is_written_as_model_json_writes_it(ModelSpec spec, string kind)
    {
        // Given
        var json = JsonSerializer.Serialize(spec, RunJson.Options);

        // When
        var read = JsonSerializer.Deserialize<ModelSpec>(json, RunJson.Options);

        // Then
        using var document = JsonDocument.Parse(json);
        Assert.Equal(kind, document.RootElement.GetProperty("kind").GetString());
        Assert.Equal(spec, read);
    }

    [Fact]
    public void Should_read_the_family_and_ignore_the_other_families_sizes_When_the_json_is_in_the_old_flat_layout()
    {
        // Given: how model.json wrote every architecture before the typed specs (unused sizes as 0)
        const string old = """
            {"kind": "transformer-ae", "beatLength": 140, "embeddingSize": 0, "inputDim": 32, "feedForwardDim": 64,
             "heads": 4, "layers": 2}
            """;

        // When
        var spec = JsonSerializer.Deserialize<ModelSpec>(old, RunJson.Options);

        // Then
        Assert.Equal(ModelSpec.PatchTransformer(), spec);
    }

    [Fact]
    public void Should_name_the_known_kinds_When_model_json_has_an_unknown_kind()
    {
        // When
        var error = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize<ModelSpec>("""{"kind": "cnn", "beatLength": 140}""", RunJson.Options));

        // Then
        Assert.Contains("unknown architecture 'cnn' (expected one of lstm, transformer, transformer-ae)", error.Message);
    }

    [Theory]
    [InlineData("transformer", 0, 4, "Heads")]
    [InlineData("transformer", 3, 4, "Heads")]
    [InlineData("transformer-ae", 4, 30, "Heads")]
    [InlineData("transformer", 4, 0, "InputDim")]
    public void Should_name_the_size_at_fault_When_the_sizes_do_not_fit(string kind, int heads, int inputDim, string parameter)
    {
        // When
        var error = Assert.ThrowsAny<ArgumentException>(() => ModelFamilies.Create(kind, new ModelSizes(Heads: heads, InputDim: inputDim)));

        // Then
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Should_list_a_spec_type_of_each_kind_When_asking_the_families()
    {
        // Then: every family makes a valid spec of its own type and kind from default sizes
        Assert.Equal(["lstm", "transformer", "transformer-ae"], ModelFamilies.Kinds);
        foreach (var family in ModelFamilies.All)
        {
            var spec = family.FromSizes(new ModelSizes(), 140);
            Assert.IsType(family.SpecType, spec);
            Assert.Equal(family.Kind, spec.Kind);
            spec.Validate();
        }
    }

    [Fact]
    public void Should_count_what_the_module_holds_When_asking_a_spec_for_its_parameters()
    {
        // Given: the study's table (SEED-STUDY.md) for LSTM E=32 and Transformer [4,512,4,2]
        // Then
        Assert.Equal(63_297, ModelSpec.Lstm(32).ParameterCount());
        Assert.Equal(19_013, ModelSpec.Transformer(4, 512, 4, 2).ParameterCount());
    }
}
