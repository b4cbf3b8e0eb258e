using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Channels;

/// <summary>
/// What a channel read from a request: a value, or why there is none (the NodaTime <c>ParseResult</c> idea: bad
/// input is a value, never an exception). The reason is short English fit for a log line or an HTTP 400 body, and
/// never contains a token, a key or decrypted text.
/// </summary>
/// <typeparam name="T">The value read.</typeparam>
/// <param name="Value">The value; null on failure.</param>
/// <param name="Error">Why it failed; <see cref="ChannelError.None"/> on success.</param>
/// <param name="Reason">What exactly was wrong; null on success.</param>
public readonly record struct ChannelResult<T>(T? Value, ChannelError Error, string? Reason)
    where T : class
{
    /// <summary>True when the request was read into <see cref="Value"/>.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsSuccess => Error == ChannelError.None && Value is not null;

    /// <summary>A request read into <paramref name="value"/>.</summary>
    internal static ChannelResult<T> Success(T value) => new(value, ChannelError.None, null);

    /// <summary>A request refused, with the reason.</summary>
    internal static ChannelResult<T> Failure(ChannelError error, string reason) => new(null, error, reason);

    /// <summary>The same failure, for a value of another type.</summary>
    internal ChannelResult<TOther> As<TOther>() where TOther : class => new(null, Error, Reason);
}
