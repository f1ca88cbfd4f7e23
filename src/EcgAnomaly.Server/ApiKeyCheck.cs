using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EcgAnomaly.Server;

/// <summary>
/// With a key configured, every request under /api must carry it (header X-Api-Key, or Authorization: Bearer KEY);
/// otherwise 401. Compared in constant time, so the answer's timing does not tell how much of a guess was right.
/// </summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static async Task Invoke(HttpContext context, RequestDelegate next, string? key)
    {
        if (key is null || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || Carries(context.Request, key))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        await ApiProblem.Of(StatusCodes.Status401Unauthorized,
            $"this server needs an API key: send it in the {Header} header (or as a Bearer token)").ExecuteAsync(context)
            .ConfigureAwait(false);
    }

    private static bool Carries(HttpRequest request, string key)
    {
        var given = request.Headers[Header].ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (given.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = authorization[7..].Trim();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
