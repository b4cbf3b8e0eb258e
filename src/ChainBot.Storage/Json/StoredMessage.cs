namespace ChainBot.Storage.Json;

/// <summary>
/// An <see cref="Core.Messages.IncomingMessage"/> as the inbox keeps it. The stored shape is this type's, not the
/// domain record's, so renaming a member in Core cannot silently change what older rows mean; its member names are
/// those of a transcript line (design.md, "Contracts"), so a stored message reads like one.
/// </summary>
/// <param name="MsgId">The channel's message id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="SenderId">The sender's id.</param>
/// <param name="SenderName">The sender's display name; null when the channel gave none.</param>
/// <param name="Time">When it was sent, with its offset.</param>
/// <param name="Text">The text.</param>
/// <param name="Mentioned">True when the bot was @-mentioned.</param>
/// <param name="Solitaire">The native 接龙's entries; null when the message carried none (an empty list is kept as empty).</param>
internal sealed record StoredMessage(
    string MsgId,
    string GroupId,
    string SenderId,
    string? SenderName,
    DateTimeOffset Time,
    string Text,
    bool Mentioned,
    IReadOnlyList<StoredSolitaireItem>? Solitaire);
