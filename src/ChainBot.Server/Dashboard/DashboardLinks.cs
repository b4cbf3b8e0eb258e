namespace ChainBot.Server.Dashboard;

/// <summary>
/// The dashboard's addresses, each carrying the token (the dashboard has no login: the token in the URL is the key,
/// which is why every response says <c>Referrer-Policy: no-referrer</c>).
/// </summary>
/// <param name="Token">The token the page was opened with.</param>
internal sealed record DashboardLinks(string Token)
{
    /// <summary>The list of groups and their chains.</summary>
    public string Home => With(DashboardDefaults.Path);

    /// <summary>The script, served from the assembly.</summary>
    public string Script => With(DashboardDefaults.Path + "/app.js");

    /// <summary>A chain's page.</summary>
    public string Chain(string groupId, int number) => With(ChainPath(groupId, number));

    /// <summary>A chain's download: <c>xlsx</c>, <c>csv</c> (a zip of the CSV files) or <c>xlsx-phones</c>.</summary>
    public string Export(string groupId, int number, string kind) => With($"{ChainPath(groupId, number)}/export/{kind}");

    private static string ChainPath(string groupId, int number) =>
        $"{DashboardDefaults.Path}/groups/{Uri.EscapeDataString(groupId)}/chains/{number}";

    private string With(string path) => $"{path}?{DashboardDefaults.TokenParameter}={Uri.EscapeDataString(Token)}";
}
