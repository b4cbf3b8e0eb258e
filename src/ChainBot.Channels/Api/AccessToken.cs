namespace ChainBot.Channels.Api;

/// <summary>
/// An access token and when it expires (wechat-protocol.md §1.4). Each fetch invalidates the previous token after a
/// few minutes, so a server fetches from one place and refreshes <see cref="RefreshMargin"/> before expiry.
/// </summary>
/// <param name="Value">The token (up to 512 characters or more). A secret: <see cref="ToString"/> masks it.</param>
/// <param name="ExpiresAt">When the platform stops accepting it.</param>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>The lifetime the platforms give today, used when a response omits <c>expires_in</c>.</summary>
    public const int DefaultLifetimeSeconds = 7200;

    /// <summary>How long before expiry to fetch a new token.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>True when the token should be replaced by <paramref name="now"/> (expired, or within the margin).</summary>
    public bool NeedsRefresh(DateTimeOffset now) => now >= ExpiresAt - RefreshMargin;

    /// <summary>A placeholder that never shows the token.</summary>
    public override string ToString() => $"AccessToken(***, expires {ExpiresAt:O})";
}
