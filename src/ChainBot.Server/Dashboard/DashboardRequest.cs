namespace ChainBot.Server.Dashboard;

/// <summary>
/// What <see cref="DashboardGate"/> found for a request it let through: the token's grant, the nonce the page's style
/// and script carry, and the links (each with the token).
/// </summary>
internal sealed record DashboardRequest(DashboardGrant Grant, string Nonce)
{
    /// <summary>The page's links.</summary>
    public DashboardLinks Links { get; } = new(Grant.Token);

    /// <summary>The request's dashboard context, set by the gate.</summary>
    public static DashboardRequest Of(HttpContext http) =>
        http.Items[typeof(DashboardRequest)] as DashboardRequest
        ?? throw new InvalidOperationException("The dashboard gate did not run for this endpoint.");
}
