namespace ChainBot.Core.Chains;

/// <summary>A line the parser could not read as header or entry, and why (e.g. "no quantity").</summary>
/// <param name="Line">The line as posted, phone numbers masked.</param>
/// <param name="Reason">Why it was not read; one of <see cref="UnreadReasons"/>.</param>
/// <param name="LineNumber">1-based line number in the message.</param>
public sealed record UnreadLine(string Line, string Reason, int LineNumber);
