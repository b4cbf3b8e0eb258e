namespace ChainBot.Core.Parsing.Lines;

/// <summary>A line of a message as posted, without its line break, and its 1-based number.</summary>
/// <param name="Text">The line.</param>
/// <param name="Number">1-based line number in the message.</param>
internal readonly record struct SourceLine(string Text, int Number);
