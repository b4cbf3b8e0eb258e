using System.Collections.Concurrent;
using ChainBot.Cli.Output;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;

namespace ChainBot.Cli.Input;

/// <summary>
/// One part of a large chain (<see cref="ChainPart"/>), read and its entries encoded as JSON on a worker thread:
/// what the writer needs of it, in the order of the file, without parsing or encoding anything itself.
/// </summary>
/// <remarks>Dispose it once written: its encoder (and the buffer the JSON is in) goes back to be used again.</remarks>
internal sealed class EncodedPart : IDisposable
{
    // A part's JSON is hundreds of kilobytes: encoders are kept with their grown buffers rather than made anew.
    private static readonly ConcurrentBag<EntryJsonEncoder> s_encoders = [];

    private EntryJsonEncoder? _encoder;

    private EncodedPart(ChainPost post, EntryJsonEncoder encoder) => (Post, _encoder) = (post, encoder);

    /// <summary>The part as read: its entries and its unread lines.</summary>
    public ChainPost Post { get; }

    /// <summary>The part's entries as JSON objects separated by commas; empty when it has none.</summary>
    public ReadOnlySpan<byte> EntriesJson => (_encoder ?? throw new ObjectDisposedException(nameof(EncodedPart))).Written;

    /// <summary>Reads <paramref name="part"/> and encodes its entries; call it on any thread.</summary>
    public static EncodedPart Read(ChainPart part)
    {
        var post = part.Read();
        var encoder = s_encoders.TryTake(out var kept) ? kept : new EntryJsonEncoder();
        encoder.EncodeList(post.Entries);
        return new EncodedPart(post, encoder);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder is { } encoder)
            s_encoders.Add(encoder);
        _encoder = null;
    }
}
