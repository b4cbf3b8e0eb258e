using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ChainBot.Cli.Webhooks;

/// <summary>
/// A <c>HOST:PORT</c> on this machine only (<c>127.0.0.1:5081</c>, <c>localhost:5081</c>, <c>[::1]:5081</c>): what
/// <c>post --replies-on</c> listens on. Nothing else is accepted, so the tool never opens a port to the network.
/// </summary>
/// <param name="Host">The host as it is written in a URL: <c>127.0.0.1</c>, <c>localhost</c> or <c>[::1]</c>.</param>
/// <param name="Port">The TCP port, 1–65535.</param>
internal readonly record struct LoopbackEndpoint(string Host, int Port)
{
    /// <summary>The base URL, <c>http://127.0.0.1:5081/</c>.</summary>
    public string BaseUrl => $"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Reads <c>HOST:PORT</c>; false, with the reason, for anything but a loopback host and a port.</summary>
    public static bool TryParse(string text, out LoopbackEndpoint endpoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        endpoint = default;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            error = $"'{text}' is not HOST:PORT (e.g. 127.0.0.1:5081)";
            return false;
        }
        string host = text[..colon];
        string bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new LoopbackEndpoint("localhost", port);
        }
        else if (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address))
        {
            endpoint = new LoopbackEndpoint(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString(), port);
        }
        else
        {
            error = $"'{host}' is not a loopback address: the reply endpoint listens on this machine only (127.0.0.1, localhost, [::1])";
            return false;
        }
        error = null;
        return true;
    }
}
