using System.Xml.Linq;
using EcgAnomaly.Signals;

namespace EcgAnomaly.Tests.Signals;

/// <summary>
/// EcgAnomaly.Signals exists so that a program that only reads WFDB records does not pull libtorch, ScottPlot or the
/// core: these tests fail as soon as the assembly or its project file grows a dependency.
/// </summary>
public sealed class SignalsPackageTest
{
    private static readonly string[] Forbidden = ["TorchSharp", "ScottPlot", "SkiaSharp", "Spectre"];

    [Fact]
    public void Should_reference_only_framework_assemblies_When_the_signals_assembly_is_loaded()
    {
        // Given
        var assembly = typeof(WfdbRecord).Assembly;

        // When
        var names = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        // Then
        Assert.Equal("EcgAnomaly.Signals", assembly.GetName().Name);
        Assert.DoesNotContain(names, n => Forbidden.Any(f => n.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("EcgAnomaly", names);
        Assert.All(names, n => Assert.True(IsFramework(n), $"{n} is not a framework assembly"));
    }

    [Fact]
    public void Should_have_no_package_or_project_reference_When_reading_the_signals_project_file()
    {
        // Given
        var path = Path.Combine(TestData.RepositoryRoot, "src", "EcgAnomaly.Signals", "EcgAnomaly.Signals.csproj");

        // When
        var elements = XDocument.Load(path).Descendants().Select(e => e.Name.LocalName).ToArray();

        // Then
        Assert.DoesNotContain("PackageReference", elements);
        Assert.DoesNotContain("ProjectReference", elements);
    }

    private static bool IsFramework(string name) =>
        name is "System" or "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);
}
