namespace ChainBot.Server.Dashboard;

/// <summary>
/// The section <c>ChainBot:Dashboard</c>: who may open the coordinators' dashboard (看板). With no token configured
/// the dashboard is off and every <c>/dashboard</c> address answers 404.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Dashboard";

    /// <summary>The tokens that open the dashboard, each for every group or for some; none: the dashboard is off.</summary>
    public List<DashboardToken> Tokens { get; set; } = [];

    /// <summary>True when at least one token is configured.</summary>
    public bool Enabled => Tokens.Count > 0;
}
