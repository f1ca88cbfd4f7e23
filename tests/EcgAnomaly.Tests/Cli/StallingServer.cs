using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcgAnomaly.Tests.Cli;

/// <summary>
/// A loopback server that accepts connections and then falls silent: without a word, or after the headers and the
/// first bytes of a large body. Every connection is held open until disposed; it serves nothing else.
/// </summary>
internal sealed class StallingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StallingServer(bool sendHeaders)
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/ECG5000.zip";
        _loop = Task.Run(() => AcceptAsync(sendHeaders));
    }

    public string Url { get; }

    private async Task AcceptAsync(bool sendHeaders)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_clients) _clients.Add(client);
            if (!sendHeaders) continue;
            try
            {
                var stream = client.GetStream();
                var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: 10000000\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token);
                await stream.WriteAsync(new byte[4096], _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away: nothing to serve.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        lock (_clients) _clients.ForEach(c => c.Dispose());
        _stop.Dispose();
    }
}
