using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Core.Transcripts;

/// <summary>
/// The result of reading one transcript line: a message, or the reason the line could not be read
/// (the NodaTime <c>ParseResult</c> idea: bad input is a value, never an exception).
/// </summary>
/// <param name="LineNumber">1-based number of the line in the transcript; 0 when read on its own.</param>
/// <param name="Message">The message, when the line was read.</param>
/// <param name="Error">Why it was not read, one of <see cref="TranscriptErrors"/>; null when it was.</param>
/// <param name="Detail">What exactly was wrong (the JSON reader's complaint, the offending value); may be null.</param>
public readonly record struct TranscriptLine(int LineNumber, TranscriptMessage? Message, string? Error, string? Detail)
{
    /// <summary>True when the line was read into <see cref="Message"/>.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsMessage => Message is not null;

    /// <summary>A line read into a message.</summary>
    public static TranscriptLine Success(int lineNumber, TranscriptMessage message) => new(lineNumber, message, null, null);

    /// <summary>A line that could not be read, with the reason and what exactly was wrong.</summary>
    public static TranscriptLine Failure(int lineNumber, string error, string? detail = null) => new(lineNumber, null, error, detail);

    /// <summary>The same result, numbered as line <paramref name="lineNumber"/>.</summary>
    public TranscriptLine WithLineNumber(int lineNumber) => this with { LineNumber = lineNumber };
}
