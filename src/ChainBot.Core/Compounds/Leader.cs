namespace ChainBot.Core.Compounds;

/// <summary>
/// Someone who answers for a zone of the compound (负责人): the 团长 of the compound, a 片区长, a 营长 or a building's
/// volunteer (楼组长 / 班长). Known to the bot by the sender id the channel gives them and by their display name.
/// </summary>
/// <param name="Name">The display name in the group (王建国, 一营-李姐); never shown in full in a group reply.</param>
/// <param name="SenderId">The channel's sender id (<c>wxid_lead_1</c>), or null where the file gives none.</param>
public sealed record Leader(string Name, string? SenderId = null)
{
    /// <summary>
    /// True when the sender is this leader: by sender id where the file gives one, else by display name. A display
    /// name only ever chooses which totals the sender sees first, never a permission, so matching it is safe.
    /// </summary>
    public bool Is(string? senderId, string? senderName) =>
        SenderId is not null
            ? string.Equals(SenderId, senderId, StringComparison.Ordinal)
            : senderName is not null && string.Equals(Name, senderName.Trim(), StringComparison.Ordinal);
}
