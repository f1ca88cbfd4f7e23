namespace EcgAnomaly.Fuzz;

/// <summary>
/// One parser under the fuzzer: a name for the command line and the code that feeds it one input. Bad input may
/// only end in <see cref="DataFormatException"/>; any other exception, or a run that does not end, is a bug.
/// </summary>
/// <param name="Name">The name scripts/fuzz.sh and the regression folder use (tests/…/Fixtures/fuzz/NAME).</param>
/// <param name="Run">Feeds the input to the parser; files it needs are written in the scratch folder.</param>
/// <param name="Seeds">Small valid inputs to start from, made here so that the fuzzer needs no data set.</param>
public sealed record FuzzTarget(string Name, Action<byte[], FuzzScratch> Run, Func<IEnumerable<byte[]>> Seeds);
