using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// One example of a spec file: a chain text (the section's header, if any, plus the example's input) and the
/// compact lines the parser must produce for it.
/// </summary>
/// <param name="File">The spec file's name (Sequence.md).</param>
/// <param name="Section">The <c>## Section</c> the example stands under.</param>
/// <param name="Number">1-based number of the example within its file.</param>
/// <param name="LineNumber">1-based line of the example's opening fence, for finding it from a failure.</param>
/// <param name="Header">The header set by the section's last <c>header</c> block before the example; else null.</param>
/// <param name="Input">The lines above the <c>.</c> line, joined by '\n'.</param>
/// <param name="Expected">The lines below the <c>.</c> line, blank lines dropped.</param>
public sealed record SpecExample(
    string File, string Section, int Number, int LineNumber, string? Header, string Input, ImmutableArray<string> Expected)
{
    /// <summary>Every example is read as if posted at this time: Monday 18 April 2022, 09:30 in Shanghai.</summary>
    public static readonly DateTimeOffset MessageTime = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    /// <summary>The post text: the header, a blank line and the input; or the input alone when there is no header.</summary>
    public string Text => Header is null ? Input : Header + "\n\n" + Input;

    /// <summary>The NUnit test name: the section title sanitized, then the example number, <c>Names_Example007</c>.</summary>
    public string TestName => $"{Sanitize(Section)}_Example{Number.ToString("000", CultureInfo.InvariantCulture)}";

    /// <summary>Where the example stands, <c>Sequence.md:42</c>.</summary>
    public string Location => $"{File}:{LineNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override string ToString() => $"{TestName} ({Location})";

    /// <summary>Keeps letters and digits, upper-casing the first letter of each word: "On behalf (代登记)" → "OnBehalf代登记".</summary>
    public static string Sanitize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var sb = new StringBuilder(title.Length);
        bool wordStart = true;
        foreach (char c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(wordStart ? char.ToUpperInvariant(c) : c);
                wordStart = false;
            }
            else
            {
                wordStart = true;
            }
        }
        return sb.Length == 0 ? "Section" : sb.ToString();
    }
}
