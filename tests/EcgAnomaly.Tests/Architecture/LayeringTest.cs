using EcgAnomaly.Detection;

namespace EcgAnomaly.Tests.Architecture;

/// <summary>The library's namespaces point one way (as wfdb-python's io &lt;- processing &lt;- plot), read from the compiled IL.</summary>
public sealed class LayeringTest
{
    /// <summary>Lowest first. Reporting draws plain series, so it sits below everything that produces them.</summary>
    private static readonly LayerRules Library = new(
    [
        "EcgAnomaly",
        "EcgAnomaly.Signals",
        "EcgAnomaly.IO",
        "EcgAnomaly.Evaluation",
        "EcgAnomaly.Data",
        "EcgAnomaly.Reporting",
        "EcgAnomaly.Models",
        "EcgAnomaly.Training",
        "EcgAnomaly.RunFolders",
        "EcgAnomaly.Ectopy",
        "EcgAnomaly.Detection",
        "EcgAnomaly.Recordings",
        "EcgAnomaly.Runs",
        "EcgAnomaly.Benchmarking",
        "EcgAnomaly.Databases",
    ]);

    [Fact]
    public void Should_use_only_lower_layers_When_reading_every_type_of_the_library()
    {
        // Given
        var assembly = typeof(AutoencoderDetector).Assembly.Location;

        // When
        var uses = NamespaceDependencies.Of(assembly, "EcgAnomaly");

        // Then
        Assert.NotEmpty(uses);
        Assert.Empty(Library.Violations(uses));
    }

    [Fact]
    public void Should_report_the_loop_When_two_namespaces_use_each_other()
    {
        // Given
        const string prefix = "EcgAnomaly.Tests.Architecture.LoopFixture";
        var rules = new LayerRules([prefix + ".Lower", prefix + ".Higher"]);

        // When
        var violations = rules.Violations(NamespaceDependencies.Of(typeof(LayeringTest).Assembly.Location, prefix));

        // Then
        var violation = Assert.Single(violations);
        Assert.Contains(
            "LoopFixture.Lower (layer 0) uses the higher EcgAnomaly.Tests.Architecture.LoopFixture.Higher (layer 1)", violation);
    }

    [Fact]
    public void Should_find_a_use_inside_a_method_body_When_no_signature_shows_it()
    {
        // Given
        const string prefix = "EcgAnomaly.Tests.Architecture.LoopFixture";

        // When
        var uses = NamespaceDependencies.Of(typeof(LayeringTest).Assembly.Location, prefix);

        // Then: UsesLower only news up UsesHigher inside Count()
        Assert.Contains(
            uses, u => u.From.EndsWith(".Higher", StringComparison.Ordinal) && u.To.EndsWith(".Lower", StringComparison.Ordinal));
    }
}
