namespace EcgAnomaly.Benchmarking;

/// <summary>
/// A thread that runs full blocking garbage collections and finalizers back to back until stopped: a stress check of
/// native-object lifetimes (a Scalar or tensor freed by its finalizer while libtorch still reads it fails within
/// seconds under it, where ordinary runs meet it once in hours). Everything beside it runs slower.
/// </summary>
public sealed class CollectionStorm : IDisposable
{
    private readonly Thread _thread;
    private long _collections;
    private volatile bool _stopped;

    private CollectionStorm()
    {
        _thread = new Thread(Collect) { IsBackground = true, Name = "collection storm" };
        _thread.Start();
    }

    /// <summary>Starts collecting.</summary>
    public static CollectionStorm Start() => new();

    /// <summary>Collections run so far.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    /// <summary>Stops the thread and waits for it.</summary>
    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }

    private void Collect()
    {
        while (!_stopped)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Interlocked.Increment(ref _collections);
        }
    }
}
