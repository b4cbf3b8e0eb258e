using System.Security.Cryptography;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// In front of every dashboard address: 404 while no token is configured (the dashboard is off), 401 with no data for
/// a missing or wrong token, and on every answer the headers a page with a secret in its URL needs — never cached,
/// never sent on as a referrer, scripts and styles only with this response's nonce, nothing framed or sniffed.
/// </summary>
internal sealed class DashboardGate(DashboardAccess access, ILogger<DashboardAccess> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Hex, not base64: nothing in it for the HTML encoder to rewrite in the page's nonce attributes.
        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

        if (!access.Enabled)
            return TypedResults.NotFound();
        var grant = access.Check(http.Request.Query[DashboardDefaults.TokenParameter]);
        if (grant is null)
        {
            Log.Refused(logger, "dashboard", "a missing or wrong token");
            return TypedResults.Text("需要有效的看板令牌。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }
        http.Items[typeof(DashboardRequest)] = new DashboardRequest(grant, nonce);
        return await next(context).ConfigureAwait(false);
    }
}
