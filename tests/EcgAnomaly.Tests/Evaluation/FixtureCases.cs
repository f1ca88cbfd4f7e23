using System.Text.Json;

namespace EcgAnomaly.Tests.Evaluation;

/// <summary>
/// The named cases of a scikit-learn fixture file (<c>{"cases": [{"name": ..., "scores": [...], ...}]}</c>), as the
/// fixture scripts write them.
/// </summary>
internal static class FixtureCases
{
    public static List<JsonElement> All(string fixture)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(fixture));
        return doc.RootElement.GetProperty("cases").Clone().EnumerateArray().ToList();
    }

    /// <summary>Every case's name, for a theory's data.</summary>
    public static TheoryData<string> Names(string fixture)
    {
        var data = new TheoryData<string>();
        foreach (var c in All(fixture)) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>
    /// The case called <paramref name="name"/>: its scores, its integer labels under <paramref name="labels"/>, and the
    /// case itself.
    /// </summary>
    public static (double[] Scores, int[] Labels, JsonElement Case) Find(string fixture, string name, string labels)
    {
        var c = All(fixture).Single(e => e.GetProperty("name").GetString() == name);
        var scores = c.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return (scores, c.GetProperty(labels).EnumerateArray().Select(v => v.GetInt32()).ToArray(), c);
    }
}
