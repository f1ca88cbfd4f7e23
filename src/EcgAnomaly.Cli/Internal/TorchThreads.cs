using TorchSharp;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// --threads for the length of a command. Torch's thread count is process-wide: it is put back afterwards so that an
/// in-process caller (the tests) keeps its own.
/// </summary>
internal sealed class TorchThreads : IDisposable
{
    private readonly int _before;

    private TorchThreads(int threads)
    {
        _before = torch.get_num_threads();
        if (threads > 0) torch.set_num_threads(threads);
    }

    /// <summary>Uses <paramref name="threads"/> Torch CPU threads until disposed; 0 leaves Torch's default.</summary>
    public static TorchThreads Use(int threads) => new(threads);

    public void Dispose() => torch.set_num_threads(_before);
}
