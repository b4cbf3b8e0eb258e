using System.Text;
using ChainBot.Channels.Crypto;

namespace ChainBot.Channels.Tests.Support;

/// <summary>Random sources that give fixed bytes, to reproduce the deterministic vectors.</summary>
internal static class FixedRandom
{
    /// <summary>A source that always fills the 16 random bytes with these ASCII characters.</summary>
    public static RandomFill Ascii(string sixteen)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(sixteen);
        Assert.That(bytes, Has.Length.EqualTo(16));
        return destination => bytes.CopyTo(destination);
    }

    /// <summary>A source that always fills the 16 random bytes with these bytes.</summary>
    public static RandomFill Bytes(byte[] sixteen) => destination => sixteen.CopyTo(destination);
}
