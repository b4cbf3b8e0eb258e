using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// A small writer of HTML: elements opened and closed in order, every text and attribute value HTML-encoded. Text a
/// resident wrote goes through <see cref="Resident"/>, which also isolates its direction (<c>&lt;bdi&gt;</c>), so a
/// right-to-left mark in a line cannot turn the rest of the page around.
/// </summary>
/// <remarks>Not thread-safe: one writer per page.</remarks>
internal sealed class HtmlWriter
{
    // Chinese as it is (pages stay readable and small); <, >, &, quotes and control characters always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();

    /// <summary>Opens <paramref name="tag"/> with the attributes whose value is not null (an empty value: a bare attribute).</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
                continue;
            _html.Append(' ').Append(name);
            if (value.Length > 0)
                _html.Append("=\"").Append(Encoder.Encode(value)).Append('"');
        }
        _html.Append('>');
        return this;
    }

    /// <summary>Closes <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding <paramref name="text"/>, encoded.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>Text, encoded; nothing for null.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
            _html.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>Text a resident wrote: encoded, and isolated in its own direction.</summary>
    public HtmlWriter Resident(string? text) => string.IsNullOrEmpty(text) ? this : Open("bdi").Text(text).Close("bdi");

    /// <summary>A table cell of resident-written text.</summary>
    public HtmlWriter ResidentCell(string? text) => Open("td").Resident(text).Close("td");

    /// <summary>Markup written as it is: only the page's own constants, never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>The page so far.</summary>
    public override string ToString() => _html.ToString();
}
