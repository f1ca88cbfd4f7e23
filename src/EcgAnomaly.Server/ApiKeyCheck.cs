using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EcgAnomaly.Server;

/// <summary>
/// With a key configured, every request under /api must carry it (header X-Api-Key, or Authorization: Bearer KEY, or
/// the cookie a page gets by being opened once with ?key=KEY, so that the viewer's own requests carry it); otherwise
/// 401. Compared in constant time, so the answer's timing does not tell how much of a guess was right.
/// </summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public const string Cookie = "ecg-anomaly-key";

    public static async Task Invoke(HttpContext context, RequestDelegate next, string? key)
    {
        if (key is not null && context.Request.Query["key"].ToString() is { Length: > 0 } given && Same(given, key))
        {
            context.Response.Cookies.Append(Cookie, key, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
            });
        }
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
        if (given.Length == 0) given = request.Cookies[Cookie] ?? "";
        return Same(given, key);
    }

    private static bool Same(string given, string key) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
