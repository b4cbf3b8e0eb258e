namespace ChainBot.Core.Chains;

/// <summary>Whether an entry counts.</summary>
public enum EntryStatus
{
    /// <summary>The entry counts in the tally.</summary>
    Active,

    /// <summary>Cancelled (取消, 不要了, quantity 0): kept for the record, counted nowhere.</summary>
    Cancelled,
}
