using EcgAnomaly.Fuzz;
using SharpFuzz;

// Two ways in: "TARGET" runs under afl-fuzz (scripts/fuzz.sh), reading inputs as SharpFuzz hands them over;
// "TARGET --replay FILE|FOLDER..." runs saved inputs once each and says how each ended, to look at a crash;
// "TARGET --seeds FOLDER" writes the target's starting inputs there.
if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine($"usage: EcgAnomaly.Fuzz TARGET [--replay FILE|FOLDER... | --seeds FOLDER]; targets: "
        + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
    return 2;
}
if (args.Length == 3 && args[1] == "--seeds")
{
    Directory.CreateDirectory(args[2]);
    var n = 0;
    foreach (var seed in target.Seeds()) File.WriteAllBytes(Path.Combine(args[2], $"seed-{n++:D3}"), seed);
    return 0;
}
using var scratch = FuzzScratch.ForThisProcess();
if (args.Length > 1 && args[1] == "--replay")
{
    var status = Replay.Run(target, args[2..], scratch);
    // Exit at once, scratch folder removed first: a hung input's thread would keep the process alive.
    scratch.Dispose();
    Environment.Exit(status);
}

// Out of process: a StackOverflowException cannot be caught in .NET, so SharpFuzz runs the inputs in a child process
// and reports its death to AFL++ as a crash instead of losing the fork server.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Execute(target, buffer.ToArray(), scratch);
});
return 0;
