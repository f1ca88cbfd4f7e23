using System.Diagnostics;

namespace EcgAnomaly.Fuzz;

/// <summary>Runs saved inputs (AFL++'s crashes/, a corpus, the regression files) once each and prints how each ended.</summary>
internal static class Replay
{
    // A hang saved by AFL++ would otherwise stop the replay at that input for good.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <returns>0 when every input parsed or was refused, 1 when any crashed or hung.</returns>
    public static int Run(FuzzTarget target, IEnumerable<string> paths, FuzzScratch scratch)
    {
        var crashed = 0;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order() : (IEnumerable<string>)[p]))
        {
            if (Path.GetFileName(file) == "README.txt") continue;
            var clock = Stopwatch.StartNew();
            var run = Task.Run(() => Outcome(target, File.ReadAllBytes(file), scratch));
            if (!run.Wait(Bound))
            {
                Console.WriteLine($"{file}: HANG (still running after {Bound.TotalSeconds} s)");
                // The stuck thread cannot be stopped, and the next input would share its scratch folder.
                return 1;
            }
            if (run.Result.StartsWith("CRASH", StringComparison.Ordinal)) crashed++;
            Console.WriteLine($"{file}: {run.Result} ({clock.ElapsedMilliseconds} ms)");
        }
        return crashed > 0 ? 1 : 0;
    }

    private static string Outcome(FuzzTarget target, byte[] input, FuzzScratch scratch)
    {
        try
        {
            // Run directly rather than through FuzzTargets.Execute, to show what the refusal said.
            scratch.Clear();
            target.Run(input, scratch);
            return nameof(FuzzOutcome.Parsed);
        }
        catch (DataFormatException e)
        {
            return $"{nameof(FuzzOutcome.Refused)}: {e.Message.ReplaceLineEndings(" ")}";
        }
        catch (Exception e)
        {
            // Everything is caught on purpose: this loop's job is to name each crash and go on to the next input.
            if (Environment.GetEnvironmentVariable("ECG_FUZZ_TRACE") == "1") Console.Error.WriteLine(e);
            return "CRASH " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
        }
    }
}
