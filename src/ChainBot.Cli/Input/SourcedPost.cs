namespace ChainBot.Cli.Input;

/// <summary>One message that may hold a chain: its text and when it was sent, and where in the file it came from.</summary>
/// <param name="Text">The message text.</param>
/// <param name="Time">When it was sent: the transcript's time, or <c>--time</c> / now for a plain-text post.</param>
/// <param name="LineNumber">The transcript line it was read from; null for a plain-text post.</param>
/// <param name="SenderName">Who sent it, when the transcript says.</param>
internal sealed record SourcedPost(string Text, DateTimeOffset Time, int? LineNumber = null, string? SenderName = null);
