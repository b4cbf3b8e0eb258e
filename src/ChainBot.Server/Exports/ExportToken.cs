using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChainBot.Server.Exports;

/// <summary>
/// What a download link names: a group's chain, in a format, until a time; signed with the server's key so that
/// nobody can make one for another group or a later time. Written as <c>{payload}.{signature}</c>, both base64url:
/// the payload is <c>1|format|chain|expires|groupId</c> in UTF-8 (the group id last, so it may hold any character),
/// the signature its HMAC-SHA256.
/// </summary>
/// <remarks>The payload is signed, not encrypted: it holds a group id and a chain number, never a name or a phone number.</remarks>
/// <param name="GroupId">The group.</param>
/// <param name="Chain">The chain's number in the group.</param>
/// <param name="ExpiresAt">When the link stops working, to the second.</param>
/// <param name="Format">What the link downloads.</param>
internal sealed record ExportToken(string GroupId, int Chain, DateTimeOffset ExpiresAt, ExportFormat Format)
{
    private const string Version = "1";
    private const char Separator = '|';

    /// <summary>The token, signed with <paramref name="key"/>.</summary>
    public string Write(byte[] key)
    {
        byte[] payload = Encoding.UTF8.GetBytes(string.Join(Separator,
            Version,
            Format == ExportFormat.Csv ? "csv" : "xlsx",
            Chain.ToString(CultureInfo.InvariantCulture),
            ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            GroupId));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>
    /// Reads and checks a token: its signature (compared in constant time) before anything in it is believed, then
    /// its expiry against <paramref name="now"/>. Never throws on what a caller sends.
    /// </summary>
    public static (ExportTokenStatus Status, ExportToken? Token) Check(string? text, byte[] key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (text is null || text.Split('.') is not [var payloadText, var signatureText]
            || !TryDecode(payloadText, out var payload) || !TryDecode(signatureText, out var signature))
            return (ExportTokenStatus.Invalid, null);
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
            return (ExportTokenStatus.Invalid, null);
        if (Parse(payload) is not { } token)
            return (ExportTokenStatus.Invalid, null);
        return (now >= token.ExpiresAt ? ExportTokenStatus.Expired : ExportTokenStatus.Valid, token);
    }

    private static ExportToken? Parse(byte[] payload)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Split(Separator, 5) is not [Version, var formatText, var chainText, var expiresText, var groupId])
            return null;
        ExportFormat? format = formatText switch { "xlsx" => ExportFormat.Xlsx, "csv" => ExportFormat.Csv, _ => null };
        if (format is null
            || !int.TryParse(chainText, NumberStyles.None, CultureInfo.InvariantCulture, out int chain) || chain < 1
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out long expires)
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return null;
        return new ExportToken(groupId, chain, DateTimeOffset.FromUnixTimeSeconds(expires), format.Value);
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text, out int length))
            return false;
        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out int written) && written == length;
    }
}
