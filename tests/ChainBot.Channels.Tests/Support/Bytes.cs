using System.Text;

namespace ChainBot.Channels.Tests.Support;

internal static class Bytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
