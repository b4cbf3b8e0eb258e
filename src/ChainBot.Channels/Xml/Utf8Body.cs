using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ChainBot.Channels.Xml;

/// <summary>Request bodies as text: strict UTF-8 (the platforms send nothing else), a leading BOM dropped.</summary>
internal static class Utf8Body
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a body; false when it is not UTF-8. Never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, [NotNullWhen(true)] out string? text)
    {
        if (body.StartsWith("\uFEFF"u8))
            body = body[3..];
        try
        {
            text = Strict.GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }
}
