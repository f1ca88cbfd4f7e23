namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// One `ecg-anomaly train --epochs 1` run on ECG5000, made once per test process and shared by the tests that read
/// its folder (training it again for each would only cost time). Deleted when the process exits.
/// </summary>
internal static class OneEpochRun
{
    private static readonly Lazy<(int Code, string Output, string Error, string Folder)> Run = new(() =>
    {
        var root = new TemporaryFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Dispose();
        var folder = root.Combine("run");
        var (code, output, error) = CliRunner.Run(
            "train", "--model", "lstm", "--embedding", "32", "--epochs", "1", "--data", TestData.DataRoot, "--out", folder);
        return (code, output, error, folder);
    });

    public static (int Code, string Output, string Error, string Folder) Result => Run.Value;
}
