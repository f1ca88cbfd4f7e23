using System.ComponentModel;
using EcgAnomaly.Cli.Internal;
using EcgAnomaly.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EcgAnomaly.Cli.Options;

/// <summary>
/// How the arithmetic runs: which engine, and how many CPU threads Torch uses. Every verb that trains or scores a
/// model has this group. The device is a separate layer (<see cref="DeviceSettings"/>) because <c>record</c> and
/// <c>bench-record</c> score through library calls that take no device.
/// </summary>
internal abstract class ComputeSettings : CommandSettings
{
    // No [DefaultValue]: the default depends on the verb (auto, but all for bench, which times engines side by side).
    [CommandOption("--engine|--kernel <NAME>")]
    [Description(
        "Which engine runs the model: fast (the hand-written CPU LSTM kernel: LSTM models on a CPU with AVX2/FMA, "
        + "embedding a multiple of 8), torchsharp (TorchSharp's nn.LSTM and autograd: any model, any device; reference is "
        + "the same) or auto (fast where it applies, else torchsharp; the default). bench times fast, torchsharp or all "
        + "(both; its default). --kernel is the old name of this option.")]
    public string? Engine { get; init; }

    [CommandOption("--threads <N>")]
    [Description("CPU threads for Torch (0: Torch's default, all cores).")]
    [DefaultValue(0)]
    public int Threads { get; init; }

    /// <summary>The engine to run with (auto when not given). A verb that times engines reads its own list instead.</summary>
    public ComputeEngine EngineChoice => EngineNames.Parse(Engine ?? EngineNames.Auto);

    /// <summary>True for a verb that times engines: it takes concrete engines and all, not auto.</summary>
    protected virtual bool TimesEngines => false;

    public override ValidationResult Validate()
    {
        if (Engine is not null && !(TimesEngines ? EngineNames.TryParseToTime(Engine, out _) : EngineNames.TryParse(Engine, out _)))
        {
            var expected = TimesEngines ? EngineNames.ExpectedToTime : EngineNames.Expected;
            return ValidationResult.Error($"--engine: unknown engine '{Engine}' (expected {expected})");
        }
        if (Threads is < 0 or > 1024) return ValidationResult.Error($"--threads must be between 0 and 1024 (got {Threads})");
        return ValidationResult.Success();
    }
}
