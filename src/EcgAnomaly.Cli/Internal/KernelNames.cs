using EcgAnomaly.Training;

namespace EcgAnomaly.Cli.Internal;

/// <summary>The --kernel values of the command line and the kernels they name.</summary>
internal static class KernelNames
{
    public const string Expected = "auto, fast or reference";

    public static bool TryParse(string? name, out TrainingKernel kernel)
    {
        (var known, kernel) = name switch
        {
            "auto" => (true, TrainingKernel.Auto),
            "fast" => (true, TrainingKernel.Fast),
            "reference" => (true, TrainingKernel.Reference),
            _ => (false, TrainingKernel.Auto),
        };
        return known;
    }

    public static TrainingKernel Parse(string name) =>
        TryParse(name, out var kernel) ? kernel : throw new ArgumentException($"--kernel: unknown kernel '{name}' (expected {Expected})");
}
