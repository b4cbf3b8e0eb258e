using System.Collections.Immutable;

namespace ChainBot.Core.Messages;

/// <summary>
/// The structured side of a native 接龙 (WeChat's group solitaire, wechat-protocol.md §5): who wrote which part of
/// the text and when. Where a message carries it, it is the ground truth for an entry's author and order.
/// </summary>
/// <param name="Items">The entries, in the chain's order.</param>
public sealed record Solitaire(ImmutableArray<SolitaireItem> Items);

/// <summary>One entry of a native 接龙: a range of the message text, its author and when it was written.</summary>
/// <param name="Range">The entry's text as <c>"start-length"</c> in UTF-16 code units (<c>"20-11"</c>), without its <c>N. </c> prefix.</param>
/// <param name="UserId">The author's id (wxid); null when absent.</param>
/// <param name="Time">When the entry was written (Unix seconds in a transcript); null when absent.</param>
public sealed record SolitaireItem(string? Range, string? UserId, DateTimeOffset? Time)
{
    /// <summary>Reads <see cref="Range"/> against a text of <paramref name="textLength"/> code units; false when it is malformed or out of the text.</summary>
    public bool TryGetRange(int textLength, out int start, out int length)
    {
        start = length = 0;
        var range = Range.AsSpan();
        int dash = range.IndexOf('-');
        return dash > 0
            && int.TryParse(range[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start)
            && int.TryParse(range[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out length)
            && length > 0 && start <= textLength - length;
    }
}
