using System.Runtime.InteropServices;

namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// Turns Ctrl-C and SIGTERM into a cancellation, so that long commands stop between batches, remove their staging
/// folders and exit 130 instead of dying mid-write.
/// </summary>
internal sealed class InterruptScope : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public InterruptScope(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _source.Token;

    private void OnSignal(PosixSignalContext signal)
    {
        // A second signal is not swallowed: a command stuck where it cannot look at the token (a read from a terminal
        // that never ends) must still be stoppable, so the runtime's default (ending the process) takes over.
        if (_source.IsCancellationRequested) return;
        signal.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }
}
