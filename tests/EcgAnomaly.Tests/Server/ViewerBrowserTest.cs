using System.Globalization;
using System.Text.Json;
using EcgAnomaly.Server;
using EcgAnomaly.Tests.Cli;
using EcgAnomaly.Tests.Signals;
using Microsoft.Playwright;

namespace EcgAnomaly.Tests.Server;

/// <summary>
/// The recording viewer in a real browser (Debian's Chromium, driven by Playwright) against serve on a loopback port.
/// The expected numbers come from the command line: the beats of record's beats.csv, and the flagged count record gives
/// for the threshold the slider was moved to.
/// </summary>
[Collection(SharedTorch.Name)]
public sealed class ViewerBrowserTest
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    [Fact]
    public async Task Should_show_the_beats_recount_flagged_beats_as_record_does_and_jump_between_them_When_the_threshold_moves()
    {
        // Given: MIT-BIH 119 scored by a model trained on its first 5 minutes (1 epoch), served with its recording
        using var dir = new TemporaryFolder();
        var record = RawEcg.Record("mitdb/119");
        var run = Path.Combine(dir.Combine("runs"), "rec119");
        var scored = Path.Combine(dir.Combine("records"), "119");
        Run("train", "--record", record, "--epochs", "1", "--out", run);
        Run("record", "--model", run, "--record", record, "--out", scored);
        var scores = File.ReadLines(Path.Combine(scored, "beats.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[Array.IndexOf(Header(scored), "score")], CultureInfo.InvariantCulture)).ToArray();
        using var host = ScoringServer.CreateHostBuilder(new ServeOptions
        {
            RunsFolder = dir.Combine("runs"),
            RecordsFolder = dir.Combine("records"),
            RecordingFolders = [Path.GetDirectoryName(record)!],
            Port = 0,
        }).Build();
        await host.StartAsync();
        var address = ScoringServer.ListeningAddress(host).ToString().TrimEnd('/');
        Assert.StartsWith("http://127.0.0.1:", address);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        // When: the page is open, then the threshold is moved to the score of the beat ranked at 90 %
        await page.GotoAsync(address + "/recordings/119");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        var shownBeats = await Count(page, "#beat-count");
        var flaggedBefore = await Count(page, "#flagged-count");
        var rank = (int)(0.9 * scores.Length);
        await page.EvalOnSelectorAsync("#threshold", "(el, k) => { el.value = k; el.dispatchEvent(new Event('input')); }", rank);
        var threshold = await page.GetAttributeAsync("#threshold-value", "data-threshold");
        var flaggedAfter = await Count(page, "#flagged-count");
        await page.ClickAsync("#next");
        var first = await page.TextContentAsync("#position");
        await page.Keyboard.PressAsync("n");
        var second = await page.TextContentAsync("#position");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "viewer-119.png"),
            FullPage = true,
        });
        await host.StopAsync();

        // Then: every beat of beats.csv is on the page; at the new threshold the page flags what record flags
        Assert.Equal(scores.Length, shownBeats);
        Assert.Equal(double.Parse(threshold!, CultureInfo.InvariantCulture), scores.Order().ElementAt(rank));
        var again = dir.Combine("again");
        Run("record", "--model", run, "--record", record, "--threshold-policy", threshold!, "--out", again);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(again, "summary.json")));
        Assert.Equal(summary.RootElement.GetProperty("flagged").GetInt32(), flaggedAfter);
        Assert.NotEqual(flaggedBefore, flaggedAfter);
        // and next (button, then the n key) goes to the first and the second flagged beat in time
        var flaggedBeats = Enumerable.Range(0, scores.Length)
            .Where(i => scores[i] > double.Parse(threshold!, CultureInfo.InvariantCulture)).ToArray();
        Assert.StartsWith($"beat {flaggedBeats[0] + 1} at ", first);
        Assert.StartsWith($"beat {flaggedBeats[1] + 1} at ", second);
    }

    private static string[] Header(string scored) => File.ReadLines(Path.Combine(scored, "beats.csv")).First().Split(',');

    private static async Task<int> Count(IPage page, string selector) =>
        int.Parse((await page.TextContentAsync(selector))!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static void Run(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, $"{string.Join(' ', args)}: {output}{error}");
    }

    private static string Chromium() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } given ? given
        : ChromiumPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "no Chromium: install Debian's chromium package (scripts/test.sh does) or set CHROMIUM_PATH");
}
