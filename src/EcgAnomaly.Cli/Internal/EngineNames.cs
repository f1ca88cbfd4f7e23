using EcgAnomaly.Training;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// The --engine values of the command line and the library's engines they name: the one place that maps them.
/// "reference" is the old name of torchsharp (scripts written for --kernel reference keep working).
/// </summary>
internal static class EngineNames
{
    public const string Auto = "auto";

    /// <summary>Only where engines are timed side by side (<c>bench</c>): every concrete engine.</summary>
    public const string All = "all";

    public const string Expected = "auto, fast or torchsharp";

    public const string ExpectedToTime = "fast, torchsharp or all";

    // First name of an engine = the name the CLI prints for it.
    private static readonly (string Name, ComputeEngine Engine)[] Names =
    [
        (Auto, ComputeEngine.Auto),
        ("fast", ComputeEngine.Fast),
        ("torchsharp", ComputeEngine.TorchSharp),
        ("reference", ComputeEngine.TorchSharp),
    ];

    /// <summary>The concrete engines, in the order <c>bench</c> times them.</summary>
    private static readonly ComputeEngine[] Concrete = [ComputeEngine.TorchSharp, ComputeEngine.Fast];

    public static bool TryParse(string? name, out ComputeEngine engine)
    {
        foreach (var (known, value) in Names)
        {
            if (known != name) continue;
            engine = value;
            return true;
        }
        engine = ComputeEngine.Auto;
        return false;
    }

    /// <summary>What to time for <paramref name="name"/>: one concrete engine, or <see cref="All"/> of them; never auto
    /// (timing "whichever applies" would not say what was timed).</summary>
    public static bool TryParseToTime(string? name, out IReadOnlyList<ComputeEngine> engines)
    {
        if (name == All)
        {
            engines = Concrete;
            return true;
        }
        var known = TryParse(name, out var engine) && engine != ComputeEngine.Auto;
        engines = known ? [engine] : [];
        return known;
    }

    public static ComputeEngine Parse(string name) =>
        TryParse(name, out var engine) ? engine : throw new ArgumentException($"--engine: unknown engine '{name}' (expected {Expected})");

    public static IReadOnlyList<ComputeEngine> ParseToTime(string name) =>
        TryParseToTime(name, out var engines)
            ? engines
            : throw new ArgumentException($"--engine: unknown engine '{name}' (expected {ExpectedToTime})");

    /// <summary>The CLI's name for <paramref name="engine"/> (torchsharp, not the library's Reference).</summary>
    public static string NameOf(ComputeEngine engine)
    {
        foreach (var (name, value) in Names)
            if (value == engine) return name;
        return engine.ToString().ToLowerInvariant();
    }
}
