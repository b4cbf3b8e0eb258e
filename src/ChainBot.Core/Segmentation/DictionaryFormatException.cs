namespace ChainBot.Core.Segmentation;

/// <summary>
/// A dictionary in jieba's <c>word freq [tag]</c> format has a line that cannot be read.
/// The message names the source and the 1-based line number, so the file can be fixed rather than guessed at.
/// </summary>
public sealed class DictionaryFormatException : FormatException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public DictionaryFormatException()
        : base("Invalid dictionary entry.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    public DictionaryFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public DictionaryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for line <paramref name="lineNumber"/> of <paramref name="sourceName"/>.</summary>
    /// <param name="sourceName">The file path or resource name the line came from.</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="reason">What is wrong with the line.</param>
    /// <param name="line">The offending line, quoted in the message.</param>
    public DictionaryFormatException(string sourceName, int lineNumber, string reason, string line)
        : base($"Invalid dictionary entry in {sourceName} at line {lineNumber}: {reason}: \"{line}\"")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
    }

    /// <summary>The file path or resource name, when known.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line number, or 0 when the error is not tied to a line (e.g. bad UTF-8).</summary>
    public int LineNumber { get; }
}
