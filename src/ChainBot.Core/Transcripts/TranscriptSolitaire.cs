using System.Collections.Immutable;

namespace ChainBot.Core.Transcripts;

/// <summary>
/// The structured side of a WeChat native 接龙 (<c>"solitaire":{"items":[…]}</c>): who wrote which part of the
/// text and when (wechat-protocol.md §5). Carried through transcripts unchanged; nothing reads it yet.
/// </summary>
/// <param name="Items">The parts of the chain, in the order given.</param>
public sealed record TranscriptSolitaire(ImmutableArray<TranscriptSolitaireItem> Items);

/// <summary>One part of a native 接龙: a range of the text, its author and when it was written.</summary>
/// <param name="Range">The part of the text as <c>"start-length"</c> (<c>"20-11"</c>), as WeChat writes it.</param>
/// <param name="UserId">The author's id (wxid); null when absent.</param>
/// <param name="Time">When the part was written (Unix seconds in the transcript); null when absent.</param>
public sealed record TranscriptSolitaireItem(string? Range, string? UserId, DateTimeOffset? Time);
