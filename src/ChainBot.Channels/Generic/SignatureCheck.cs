using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Channels.Generic;

/// <summary>The result of checking a request's signature headers: valid, or why not.</summary>
/// <param name="Error">Why the check failed; <see cref="ChannelError.None"/> when it passed.</param>
/// <param name="Reason">What exactly was wrong, never containing the secret or the expected signature; null when it passed.</param>
public readonly record struct SignatureCheck(ChannelError Error, string? Reason)
{
    /// <summary>A passed check.</summary>
    public static SignatureCheck Valid => default;

    /// <summary>True when the headers sign the body and the timestamp is fresh.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Error == ChannelError.None;

    /// <summary>A failed check, with the reason.</summary>
    internal static SignatureCheck Fail(ChannelError error, string reason) => new(error, reason);
}
