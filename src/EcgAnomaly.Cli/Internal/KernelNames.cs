using EcgAnomaly.Training;

namespace EcgAnomaly.Cli.Internal;

/// <summary>The --kernel values of the command line and the kernels they name.</summary>
internal static class KernelNames
{
    public const string Expected = "auto, fast or reference";

    public static bool TryParse(string? name, out ComputeEngine kernel)
    {
        (var known, kernel) = name switch
        {
            "auto" => (true, ComputeEngine.Auto),
            "fast" => (true, ComputeEngine.Fast),
            "reference" => (true, ComputeEngine.TorchSharp),
            _ => (false, ComputeEngine.Auto),
        };
        return known;
    }

    public static ComputeEngine Parse(string name) =>
        TryParse(name, out var kernel) ? kernel : throw new ArgumentException($"--kernel: unknown kernel '{name}' (expected {Expected})");
}
