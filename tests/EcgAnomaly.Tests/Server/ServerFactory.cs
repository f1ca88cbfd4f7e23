using EcgAnomaly.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace EcgAnomaly.Tests.Server;

/// <summary>The serve host on ASP.NET Core's in-memory test server, built as <c>ecg-anomaly serve</c> builds it.</summary>
internal sealed class ServerFactory(ServeOptions options) : WebApplicationFactory<Program>
{
    protected override IHostBuilder CreateHostBuilder() => ScoringServer.CreateHostBuilder(options);
}
