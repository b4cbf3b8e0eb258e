using System.ComponentModel.DataAnnotations;

namespace ChainBot.Server.Options;

/// <summary>The section <c>ChainBot:Exports</c>: the download links <c>导出</c> answers with.</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChainBot:Exports";

    /// <summary>The shortest signing key accepted, in characters.</summary>
    public const int MinKeyLength = 32;

    /// <summary>
    /// The address residents' phones reach the server at, links start with it (<c>https://bot.example.org</c>).
    /// None: the server's own first address, which suits a test on one machine only.
    /// </summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The key links are signed with (HMAC-SHA256), at least <see cref="MinKeyLength"/> characters, from the environment
    /// or user secrets. None: a random key per process, and links stop working when the server restarts.
    /// </summary>
    [MinLength(MinKeyLength)]
    public string? LinkKey { get; set; }

    /// <summary>How long a link works. Default 24 hours; from one minute to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
