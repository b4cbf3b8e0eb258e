namespace ChainBot.Core.Parsing;

/// <summary>The parser's settings (section <c>ChainBot:Parser</c> in appsettings).</summary>
public sealed record ChainParserOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "ChainBot:Parser";

    /// <summary>IANA or Windows id of the time zone relative deadlines are read in. Default Asia/Shanghai.</summary>
    public string TimeZone { get; init; } = ChainParserDefaults.TimeZoneId;

    /// <summary>Optional path of an extra dictionary in jieba's <c>word freq [tag]</c> format.</summary>
    public string? DictionaryPath { get; init; }

    /// <summary>Lines longer than this (in characters) are reported unread rather than parsed.</summary>
    public int MaxLineLength { get; init; } = ChainParserDefaults.MaxLineLength;
}
