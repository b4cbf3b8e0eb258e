namespace ChainBot.Core.Parsing.Lines;

/// <summary>A line of a message: its range in the text and its 1-based number.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Length without the line break.</param>
/// <param name="Number">1-based line number.</param>
internal readonly record struct LineSpan(int Start, int Length, int Number);
