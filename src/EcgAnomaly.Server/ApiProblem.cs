using Microsoft.AspNetCore.Http;

namespace EcgAnomaly.Server;

/// <summary>An RFC 7807 problem with a one-line detail, what every refused request gets (never a stack trace).</summary>
internal static class ApiProblem
{
    public static IResult Of(int status, string detail) =>
        Results.Problem(detail: detail.ReplaceLineEndings(" "), statusCode: status);
}
