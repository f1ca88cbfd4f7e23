using System.Threading.Channels;
using EcgAnomaly.Detection;

namespace EcgAnomaly.Server;

/// <summary>
/// One loaded detector shared by every request. Requests queue and one worker scores them: a detector's network and its
/// fast kernel's buffers are not made for concurrent calls, and each call already uses every core. Requests that wait
/// together are scored in one call of up to <see cref="MergedBeats"/> beats (a 512-beat request alone runs at about a
/// third of the speed of 4,096 at once); a request arriving alone is scored alone, as <c>score</c> would.
/// </summary>
internal sealed class ServedModel : IDisposable
{
    /// <summary>Beats one detector call takes at most when requests are merged (score's default batch).</summary>
    public const int MergedBeats = 4096;

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _worker;

    public ServedModel(string name, AutoencoderDetector detector)
    {
        Name = name;
        Detector = detector;
        _worker = Task.Run(Work);
    }

    public string Name { get; }

    public AutoencoderDetector Detector { get; }

    /// <summary>The scores of <paramref name="beats"/> (one after another, each <paramref name="beatLength"/> long).</summary>
    public Task<double[]> ScoreAsync(float[] beats, int beatLength)
    {
        var job = new Job(beats, beatLength, new TaskCompletionSource<double[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(job), this);
        return job.Done.Task;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _worker.GetAwaiter().GetResult();
        Detector.Dispose();
    }

    private async Task Work()
    {
        var pending = new List<Job>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            pending.Clear();
            var beats = 0;
            // Take what is waiting, of the first request's beat length, up to the merge size (a larger request goes alone).
            while (_queue.Reader.TryPeek(out var next) && (pending.Count == 0
                || (next.BeatLength == pending[0].BeatLength && beats + next.Count <= MergedBeats)))
            {
                _queue.Reader.TryRead(out _);
                pending.Add(next);
                beats += next.Count;
            }
            Score(pending);
        }
    }

    private void Score(List<Job> jobs)
    {
        try
        {
            if (jobs.Count == 1)
            {
                jobs[0].Done.TrySetResult(Detector.Score(jobs[0].Beats, jobs[0].BeatLength));
                return;
            }
            var merged = jobs.SelectMany(j => j.Beats).ToArray();
            var scores = Detector.Score(merged, jobs[0].BeatLength);
            var offset = 0;
            foreach (var job in jobs)
            {
                job.Done.TrySetResult(scores[offset..(offset + job.Count)]);
                offset += job.Count;
            }
        }
        catch (Exception e)
        {
            // Passed on to every waiting request (which answers 500), so that the worker lives for the next ones.
            foreach (var job in jobs) job.Done.TrySetException(e);
        }
    }

    private sealed record Job(float[] Beats, int BeatLength, TaskCompletionSource<double[]> Done)
    {
        public int Count => Beats.Length / BeatLength;
    }
}
