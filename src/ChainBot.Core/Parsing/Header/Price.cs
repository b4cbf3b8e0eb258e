namespace ChainBot.Core.Parsing.Header;

/// <summary>A price found in a header line: <c>68元/份</c>, <c>¥45/盒</c>, <c>单价12</c>, <c>每份68元</c>.</summary>
/// <param name="Start">Offset of the price's first character (label, currency sign or digit).</param>
/// <param name="End">Offset just past it, including a per-unit part (<c>/份</c>).</param>
/// <param name="Value">Yuan per unit.</param>
/// <param name="Unit">The unit priced, when written (<c>/份</c>, <c>一份</c>, <c>每份</c>).</param>
internal readonly record struct Price(int Start, int End, decimal Value, string? Unit);
