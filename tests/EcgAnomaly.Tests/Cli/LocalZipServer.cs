using System.Net;
using System.Net.Sockets;

namespace EcgAnomaly.Tests.Cli;

/// <summary>Serves one byte array at http://127.0.0.1:PORT/ECG5000.zip (404 elsewhere) until disposed.</summary>
internal sealed class LocalZipServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _body;
    private readonly Task _loop;

    public LocalZipServer(byte[] body)
    {
        _body = body;
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/ECG5000.zip";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/ECG5000.zip")
            {
                response.StatusCode = 404;
                continue;
            }
            response.ContentType = "application/zip";
            response.ContentLength64 = _body.Length;
            await response.OutputStream.WriteAsync(_body);
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        // Close alone: after Stop, the managed listener's Close binds the port again to remove it a second time, and
        // fails with "Address already in use" when a parallel test has taken the port meanwhile (seen in CI).
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
