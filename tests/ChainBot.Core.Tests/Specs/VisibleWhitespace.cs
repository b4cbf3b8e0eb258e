using System.Globalization;
using System.Text;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// Shows text for a failure message with the characters a reader cannot see made visible: space as '·', tab as '→',
/// a carriage return as '␍', and zero-width and other format or control characters as their code, ⟨200B⟩.
/// </summary>
public static class VisibleWhitespace
{
    /// <summary>The visible form of <paramref name="text"/>; newlines stay newlines.</summary>
    public static string Show(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case ' ':
                    sb.Append('·');
                    break;
                case '\t':
                    sb.Append('→');
                    break;
                case '\r':
                    sb.Append('␍');
                    break;
                case '\n':
                    sb.Append('\n');
                    break;
                default:
                    var category = char.GetUnicodeCategory(c);
                    if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator)
                        sb.Append('⟨').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('⟩');
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A failure report: Source, Actual and Expected, each with whitespace made visible.</summary>
    public static string Report(string location, string source, string actual, string expected) =>
        $"""
        at {location}
        --- Source ---
        {Show(source)}
        --- Actual ---
        {Show(actual)}
        --- Expected ---
        {Show(expected)}
        """;
}
