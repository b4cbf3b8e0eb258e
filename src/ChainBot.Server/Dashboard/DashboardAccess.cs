using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// Checks a dashboard token against the configured ones in constant time: both sides are hashed (SHA-256, so their
/// lengths do not show) and compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, and every configured
/// token is compared whichever matches, so the time taken says nothing about which one is near.
/// </summary>
/// <remarks>Thread-safe; follows configuration reloads.</remarks>
internal sealed class DashboardAccess(IOptionsMonitor<DashboardOptions> options)
{
    /// <summary>True when a token is configured; otherwise the dashboard is off (404).</summary>
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>What <paramref name="token"/> opens; null for a missing or wrong token.</summary>
    public DashboardGrant? Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), given);
        DashboardToken? match = null;
        foreach (var configured in options.CurrentValue.Tokens)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(configured.Token), expected);
            if (CryptographicOperations.FixedTimeEquals(given, expected) && match is null)
                match = configured;
        }
        if (match is null)
            return null;
        return new DashboardGrant(token, match.Groups.Count == 0 ? null : match.Groups.ToHashSet(StringComparer.Ordinal));
    }
}
