using ChainBot.Core.Merging;
using ChainBot.Server.Pipeline;
using ChainBot.Storage;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// The coordinators' dashboard (看板), read-only, every address behind <see cref="DashboardGate"/>:
/// <c>GET /dashboard</c> the groups and their chains; <c>GET /dashboard/groups/{groupId}/chains/{number}</c> a chain's
/// page; <c>…/export/{xlsx|csv|xlsx-phones}</c> its downloads; <c>GET /dashboard/app.js</c> the page's script. A group
/// the token does not show answers as one that does not exist (404), so a token cannot learn other groups' names.
/// </summary>
internal static class DashboardEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    private static readonly Lazy<byte[]> Script = new(static () =>
    {
        using var resource = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("ChainBot.Server.Dashboard.app.js")
            ?? throw new InvalidOperationException("The dashboard's script is not embedded in the assembly.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup(DashboardDefaults.Path).AddEndpointFilter<DashboardGate>();
        dashboard.MapGet("", GroupsAsync);
        dashboard.MapGet("/app.js", static () => TypedResults.Bytes(Script.Value, "text/javascript; charset=utf-8"));
        dashboard.MapGet("/groups/{groupId}/chains/{number:int}", ChainAsync);
        dashboard.MapGet("/groups/{groupId}/chains/{number:int}/export/{kind}", ExportAsync);
        return app;
    }

    private static async Task<IResult> GroupsAsync(
        HttpContext http, IChainBotStore store, GroupDirectory groups, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Of(http);
        var shown = new List<(string, GroupState)>();
        foreach (string groupId in await store.GroupsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (request.Grant.Allows(groupId))
                shown.Add((groupId, await groups.StateAsync(groupId, cancellationToken).ConfigureAwait(false)));
        }
        return TypedResults.Content(GroupListPage.Render(shown, time.GetUtcNow(), request.Links, request.Nonce), HtmlType);
    }

    private static async Task<IResult> ChainAsync(
        HttpContext http, string groupId, int number, IChainBotStore store, GroupDirectory groups, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Of(http);
        var chain = await FindAsync(request, groupId, number, store, groups, cancellationToken).ConfigureAwait(false);
        if (chain is null)
            return NotFound();
        return TypedResults.Content(ChainPage.Render(groupId, chain, time.GetUtcNow(), request.Links, request.Nonce), HtmlType);
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, string groupId, int number, string kind, IChainBotStore store, GroupDirectory groups, CancellationToken cancellationToken)
    {
        var request = DashboardRequest.Of(http);
        var download = DashboardDownload.Find(kind);
        var chain = download is null ? null : await FindAsync(request, groupId, number, store, groups, cancellationToken).ConfigureAwait(false);
        if (chain is null)
            return NotFound();
        var (fileName, contentType, bytes) = download!.Make(chain);
        return TypedResults.File(bytes, contentType, fileName);
    }

    /// <summary>The chain, when the token shows its group and the group has it; null otherwise, whichever it is.</summary>
    private static async Task<ChainState?> FindAsync(
        DashboardRequest request, string groupId, int number, IChainBotStore store, GroupDirectory groups, CancellationToken cancellationToken)
    {
        // Only groups the store holds are looked up: an address made up in the URL must not make the directory
        // replay (and keep) a group that does not exist.
        if (!request.Grant.Allows(groupId) || !(await store.GroupsAsync(cancellationToken).ConfigureAwait(false)).Contains(groupId))
            return null;
        var state = await groups.StateAsync(groupId, cancellationToken).ConfigureAwait(false);
        return number >= 1 && number <= state.Chains.Count ? state.Chain(number) : null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult NotFound() => TypedResults.Text("没有这个接龙。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
