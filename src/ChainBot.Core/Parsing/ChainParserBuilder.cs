using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Parsing;

/// <summary>Configures a <see cref="ChainParser"/>: <c>new ChainParserBuilder().UseTimeZone(…).Build()</c>.</summary>
/// <remarks>Not thread-safe; the parser it builds is immutable and thread-safe.</remarks>
public sealed class ChainParserBuilder
{
    private TimeZoneInfo _timeZone = ChainParserDefaults.FindTimeZone(ChainParserDefaults.TimeZoneId);
    private int _maxLineLength = ChainParserDefaults.MaxLineLength;
    private WordDictionary _dictionary = WordDictionary.Domain;

    /// <summary>Reads relative deadlines (今晚8点) in <paramref name="timeZone"/>.</summary>
    public ChainParserBuilder UseTimeZone(TimeZoneInfo timeZone)
    {
        _timeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        return this;
    }

    /// <summary>Reports lines longer than <paramref name="maxLineLength"/> characters unread.</summary>
    public ChainParserBuilder UseMaxLineLength(int maxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 16);
        _maxLineLength = maxLineLength;
        return this;
    }

    /// <summary>
    /// Reads entries with <paramref name="dictionary"/> merged over the built-in domain lexicon (a jieba
    /// <c>dict.txt</c>, or a compound's own list of goods).
    /// </summary>
    public ChainParserBuilder UseDictionary(WordDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _dictionary = WordDictionary.Domain.Merge(dictionary);
        return this;
    }

    /// <summary>Applies <see cref="ChainParserOptions"/>; a configured dictionary is loaded now, and its errors thrown.</summary>
    /// <exception cref="DictionaryFormatException">The configured dictionary has a malformed line.</exception>
    public ChainParserBuilder UseOptions(ChainParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        UseTimeZone(ChainParserDefaults.FindTimeZone(options.TimeZone));
        if (options.DictionaryPath is { Length: > 0 } path)
            UseDictionary(WordDictionary.Load(path));
        return UseMaxLineLength(options.MaxLineLength);
    }

    /// <summary>Freezes the settings into an immutable parser.</summary>
    public ChainParser Build() => new(_timeZone, _maxLineLength, _dictionary);
}
