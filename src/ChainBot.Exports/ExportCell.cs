using System.Globalization;

namespace ChainBot.Exports;

/// <summary>One cell of an exported table: text, a number, or nothing.</summary>
/// <param name="Text">The text; null for a number or an empty cell.</param>
/// <param name="Number">The number; null for text or an empty cell.</param>
public readonly record struct ExportCell(string? Text, decimal? Number)
{
    /// <summary>An empty cell.</summary>
    public static ExportCell Empty => default;

    /// <summary>A text cell; an empty cell for null.</summary>
    public static ExportCell Of(string? text) => new(text, null);

    /// <summary>A number cell.</summary>
    public static ExportCell Of(decimal number) => new(null, number);

    /// <summary>A number cell, or an empty one for null.</summary>
    public static ExportCell Of(decimal? number) => new(null, number);

    /// <summary>The cell as CSV and plain text show it: numbers invariant, without trailing zeros.</summary>
    public override string ToString() =>
        Number is decimal n ? Format(n) : Text ?? string.Empty;

    /// <summary>A number as the export writes it: invariant, no trailing zeros (1.5, 68, 0.25).</summary>
    public static string Format(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);
}
