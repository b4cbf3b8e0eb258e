using System.Text;
using System.Xml;

namespace ChainBot.Channels.Xml;

/// <summary>
/// The platforms' message XML read as what it is: one root (<c>&lt;xml&gt;</c>) whose children are name → text
/// (plain or CDATA). Deeper structure (an event's nested elements) is skipped. The reader refuses a DTD outright, so
/// neither external entities (XXE) nor entity expansion (billion laughs) can happen, and resolves nothing.
/// </summary>
/// <remarks>Immutable once read; the reading is pure and thread-safe.</remarks>
internal sealed class FlatXml
{
    /// <summary>Far above any real message, far below what would hurt the server.</summary>
    public const long MaxCharacters = 4_000_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly Dictionary<string, string> _fields;

    private FlatXml(Dictionary<string, string> fields) => _fields = fields;

    /// <summary>The text of the root's first child element called <paramref name="name"/>; null when there is none.</summary>
    public string? this[string name] => _fields.TryGetValue(name, out string? value) ? value : null;

    /// <summary>True when the root has a child element called <paramref name="name"/>.</summary>
    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>Reads a message body as UTF-8 XML. Never throws on its content.</summary>
    public static ChannelResult<FlatXml> Parse(ReadOnlySpan<byte> body) =>
        Utf8Body.TryDecode(body, out string? text)
            ? Parse(text)
            : ChannelResult<FlatXml>.Failure(ChannelError.BadEncoding, "the body is not UTF-8");

    /// <summary>Reads message XML. Never throws on its content.</summary>
    public static ChannelResult<FlatXml> Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return ChannelResult<FlatXml>.Success(new FlatXml(ReadFields(reader)));
        }
        catch (XmlException e)
        {
            // The reader refuses a DTD with an XmlException like any other; say which it was.
            return xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
                ? ChannelResult<FlatXml>.Failure(ChannelError.DtdProhibited, "XML with a DTD is refused")
                : ChannelResult<FlatXml>.Failure(ChannelError.MalformedXml,
                    $"the XML is not well-formed (line {e.LineNumber}, position {e.LinePosition})");
        }
    }

    private static Dictionary<string, string> ReadFields(XmlReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.MoveToContent() != XmlNodeType.Element)
            throw new XmlException("no root element");
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    string name = reader.LocalName;
                    string value = ReadText(reader);
                    fields.TryAdd(name, value);
                }
                else if (!reader.Read())
                {
                    throw new XmlException("unexpected end of document");
                }
            }
            reader.Read();
        }
        // Read to the end, so that anything after the root (a second root, junk) is refused too.
        while (reader.Read())
        {
        }
        return fields;
    }

    /// <summary>The element's own text and CDATA, concatenated; nested elements are skipped. Leaves the reader past its end.</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }
        int depth = reader.Depth;
        var text = new StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.Depth == depth + 1 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA
                    or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                reader.Skip();
            else if (!reader.Read())
                throw new XmlException("unexpected end of document");
        }
        reader.Read();
        return text.ToString();
    }
}
