namespace ChainBot.Core.Parsing.Entries;

/// <summary>A quantity found in an entry: <c>2份</c>, <c>x2</c>, <c>三斤半</c>, <c>1.5kg</c>.</summary>
/// <param name="Start">Offset of the first character (the mark, if any).</param>
/// <param name="End">Offset just past the quantity.</param>
/// <param name="Value">How many, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The measure word written, or null for a bare number.</param>
internal readonly record struct QuantityToken(int Start, int End, decimal Value, Unit? Unit);
