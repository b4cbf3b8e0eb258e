namespace ChainBot.Server.Dashboard;

/// <summary>What a valid token opens: every group, or the groups it names.</summary>
/// <param name="Token">The token as given, to carry into the page's links and downloads.</param>
/// <param name="Groups">The group ids it shows; null for every group.</param>
internal sealed record DashboardGrant(string Token, IReadOnlySet<string>? Groups)
{
    /// <summary>True when the token shows <paramref name="groupId"/>.</summary>
    public bool Allows(string groupId) => Groups is null || Groups.Contains(groupId);
}
