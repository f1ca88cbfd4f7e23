using System.Net;

namespace EcgAnomaly.Server;

/// <summary>What <c>ecg-anomaly serve</c> serves and how it guards it.</summary>
public sealed record ServeOptions
{
    /// <summary>The folder whose sub-folders are the run folders (models) the API scores with, by folder name.</summary>
    public required string RunsFolder { get; init; }

    /// <summary>The folder whose sub-folders are output folders of <c>record</c>, shown by the viewer; null: none.</summary>
    public string? RecordsFolder { get; init; }

    /// <summary>Folders besides <see cref="RecordsFolder"/> the viewer may read recordings' signals from.</summary>
    public IReadOnlyList<string> RecordingFolders { get; init; } = [];

    /// <summary>The address to listen on; loopback unless asked otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port (0: any free one).</summary>
    public int Port { get; init; } = 5057;

    /// <summary>The key every API request must carry (X-Api-Key header or Bearer token); null: none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 64L << 20;

    /// <summary>The largest recording upload accepted (POST /api/records), in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 1L << 30;

    /// <summary>Where uploaded recordings are kept while and after they are scored; null: a folder under the system temp.</summary>
    public string? JobsFolder { get; init; }

    /// <summary>The most beats one scoring request may hold.</summary>
    public int MaxBeats { get; init; } = 100_000;

    /// <summary>Whether <see cref="Address"/> accepts connections from other machines, which then need an API key.</summary>
    public bool Exposed => !IPAddress.IsLoopback(Address);
}
