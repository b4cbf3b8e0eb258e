using ChainBot.Server.Pipeline;

namespace ChainBot.Server.Exports;

/// <summary>
/// <c>GET /exports/{token}</c>: the file a <c>导出</c> link gives. A token that is malformed, not the server's, or names
/// no chain: 404 with no hint which. Expired: 410, saying to send 导出 again. Otherwise the chain's workbook as it
/// stands now. Nothing is cached anywhere on the way (<c>Cache-Control: no-store</c>).
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>What an expired link answers, for the coordinator who opens it on their phone.</summary>
    public const string ExpiredText = "链接已过期，请在群里再发「导出」获取新链接。";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        // Made now rather than at the first 导出, so a missing key is warned about when the server starts.
        _ = app.ServiceProvider.GetRequiredService<ExportLinks>();
        app.MapGet(ExportLinks.Path + "/{token}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(
        string token, HttpContext http, ExportLinks links, GroupDirectory groups, ILogger<ExportLinks> logger, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (status, link) = links.Check(token);
        if (status == ExportTokenStatus.Expired)
            return TypedResults.Text(ExpiredText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone);
        if (status != ExportTokenStatus.Valid || link is null)
            return TypedResults.NotFound();
        var state = await groups.CurrentStateAsync(link.GroupId, cancellationToken).ConfigureAwait(false);
        if (link.Chain > state.Chains.Count)
            return TypedResults.NotFound();
        var file = ExportFile.Of(state.Chain(link.Chain), link.Format);
        Log.Downloaded(logger, link.GroupId, link.Chain, link.Format.ToString());
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
