namespace EcgAnomaly.Cli.Internal;

/// <summary>
/// The library names the problem in its own words (a property such as <c>Heads</c>); the command line says it with its
/// flags (<c>--heads</c>) and without .NET's "(Parameter 'x')" tail.
/// </summary>
internal static class LibraryErrors
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["EmbeddingSize"] = "--embedding",
        ["InputDim"] = "--input-dim",
        ["ModelDim"] = "--input-dim",
        ["FeedForwardDim"] = "--ff-dim",
        ["Heads"] = "--heads",
        ["Layers"] = "--layers",
        ["Epochs"] = "--epochs",
        ["BatchSize"] = "--batch",
        ["LearningRate"] = "--lr",
        ["ScoringBatchSize"] = "--batch",
    };

    /// <summary>One line for the user: the message with the parameter's flag instead of its library name.</summary>
    public static string Describe(ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var tail = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (tail >= 0) message = message[..tail];
        message = message.Split('\n')[0].Trim();
        if (e.ParamName is { } name && Flags.TryGetValue(name, out var flag))
            message = message.StartsWith(name + " ", StringComparison.Ordinal) ? flag + message[name.Length..] : $"{flag}: {message}";
        return message;
    }
}
