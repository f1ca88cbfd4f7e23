namespace EcgAnomaly.Training.Fast;

/// <summary>
/// Runs two pieces of work at once: one on the calling thread, one on a dedicated worker that waits, spinning
/// briefly, for the next piece. A long-lived worker avoids the thread-pool hand-off on every batch.
/// </summary>
internal sealed class PairRunner : IDisposable
{
    private readonly Thread _worker;
    private readonly ManualResetEventSlim _start = new(false, spinCount: 2000);
    private readonly ManualResetEventSlim _done = new(false, spinCount: 2000);
    private Action? _work;
    private Exception? _failure;
    private volatile bool _stopping;

    public PairRunner()
    {
        _worker = new Thread(Loop) { IsBackground = true, Name = "ecg-anomaly fast LSTM worker" };
        _worker.Start();
    }

    public void Run(Action here, Action? there)
    {
        if (there is null)
        {
            here();
            return;
        }
        _failure = null;
        _work = there;
        _done.Reset();
        _start.Set();
        Exception? local = null;
        try
        {
            here();
        }
        catch (Exception e)
        {
            local = e;
        }
        _done.Wait();
        if (local is not null) throw local;
        if (_failure is not null) throw new InvalidOperationException("the second worker failed: " + _failure.Message, _failure);
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            _start.Reset();
            if (_stopping) return;
            try
            {
                _work!();
            }
            catch (Exception e)
            {
                _failure = e;
            }
            _done.Set();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _start.Set();
        _worker.Join();
        _start.Dispose();
        _done.Dispose();
    }
}
