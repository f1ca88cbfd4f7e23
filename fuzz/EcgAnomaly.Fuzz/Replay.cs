using System.Diagnostics;

namespace EcgAnomaly.Fuzz;

/// <summary>Runs saved inputs (AFL++'s crashes/, a corpus, the regression files) once each and prints how each ended.</summary>
internal static class Replay
{
    /// <returns>0 when every input parsed or was refused, 1 when any crashed.</returns>
    public static int Run(FuzzTarget target, IEnumerable<string> paths, FuzzScratch scratch)
    {
        var crashed = 0;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order() : (IEnumerable<string>)[p]))
        {
            if (Path.GetFileName(file) == "README.txt") continue;
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                // Run directly rather than through FuzzTargets.Execute, to show what the refusal said.
                scratch.Clear();
                target.Run(File.ReadAllBytes(file), scratch);
                outcome = nameof(FuzzOutcome.Parsed);
            }
            catch (DataFormatException e)
            {
                outcome = $"{nameof(FuzzOutcome.Refused)}: {e.Message.ReplaceLineEndings(" ")}";
            }
            catch (Exception e)
            {
                // Everything is caught on purpose: this loop's job is to name each crash and go on to the next input.
                crashed++;
                outcome = "CRASH " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
                if (Environment.GetEnvironmentVariable("ECG_FUZZ_TRACE") == "1") Console.Error.WriteLine(e);
            }
            Console.WriteLine($"{file}: {outcome} ({clock.ElapsedMilliseconds} ms)");
        }
        return crashed > 0 ? 1 : 0;
    }
}
