using static TorchSharp.torch;

namespace EcgAnomaly.Training;

/// <summary>Chooses where tensors live: CUDA when asked for or available, else the CPU.</summary>
public static class TorchDevice
{
    /// <summary>
    /// The device called <paramref name="name"/> ("cpu", "cuda", "cuda:N"); null, empty or "auto" picks CUDA when
    /// available, else the CPU.
    /// </summary>
    /// <exception cref="ArgumentException">CUDA was asked for and is not available.</exception>
    public static Device Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == "auto")
            return cuda.is_available() ? CUDA : CPU;
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !cuda.is_available())
            throw new ArgumentException($"device '{name}' requested but CUDA is not available on this machine (use cpu)", nameof(name));
        return new Device(name);
    }

    /// <summary>
    /// Torch's random generator is process-wide: seeding and building a model happen under this lock so that two
    /// models built at once in one process still get the weights their seeds promise.
    /// </summary>
    internal static readonly Lock SeedLock = new();
}
