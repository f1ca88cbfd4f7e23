namespace EcgAnomaly.RunFolders;

/// <summary>Where the data of a run came from, for model.json and the report.</summary>
public sealed record RunDescription(string DataSet, string Protocol, IReadOnlyDictionary<string, string> DataSha256);
