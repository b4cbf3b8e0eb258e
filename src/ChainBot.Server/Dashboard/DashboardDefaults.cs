namespace ChainBot.Server.Dashboard;

/// <summary>The dashboard's fixed values, in one place.</summary>
internal static class DashboardDefaults
{
    /// <summary>The dashboard's address; every page and download is under it.</summary>
    public const string Path = "/dashboard";

    /// <summary>The query parameter that carries the token.</summary>
    public const string TokenParameter = "token";

    /// <summary>A token shorter than this is refused at start: it could be guessed.</summary>
    public const int MinTokenLength = 16;

    /// <summary>How many chains of a group the list shows, latest first.</summary>
    public const int ChainsPerGroup = 10;

    /// <summary>How often the script reloads a page, so the numbers follow the group.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
}
