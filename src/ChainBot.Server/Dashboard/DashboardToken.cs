namespace ChainBot.Server.Dashboard;

/// <summary>
/// One dashboard token, <c>ChainBot:Dashboard:Tokens:{n}</c>: the secret a coordinator (团长) puts in the dashboard's
/// URL, and the groups it shows. From the environment or user secrets, never from the repository.
/// </summary>
public sealed class DashboardToken
{
    /// <summary>The secret; at least <see cref="DashboardDefaults.MinTokenLength"/> characters.</summary>
    public string Token { get; set; } = "";

    /// <summary>The group ids this token shows; empty: every group.</summary>
    public List<string> Groups { get; set; } = [];
}
