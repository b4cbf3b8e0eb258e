namespace ChainBot.Storage.Data;

/// <summary>The checks every store makes on what it is given, with the same exceptions.</summary>
internal static class StoreArguments
{
    /// <summary>Refuses a message the inbox cannot key: no message, or an empty channel or message id.</summary>
    /// <exception cref="ArgumentNullException">The message is missing.</exception>
    /// <exception cref="ArgumentException">The channel or the message id is empty.</exception>
    public static void ThrowIfUnkeyed(InboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Message, nameof(message));
        // An empty id would make every message without one a duplicate of the first.
        ArgumentException.ThrowIfNullOrEmpty(message.Channel, nameof(message));
        ArgumentException.ThrowIfNullOrEmpty(message.Message.MsgId, nameof(message));
    }

    /// <summary>Refuses a lease that names no group or holder, or lasts no time.</summary>
    /// <exception cref="ArgumentException">The group or the holder is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is zero or less.</exception>
    public static void ThrowIfBadLease(string groupId, string holder, TimeSpan length)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
    }

    /// <summary>Refuses a claim that names no claimer, asks for a negative number of replies, or lasts no time.</summary>
    /// <exception cref="ArgumentException">The claimer is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The maximum is negative, or the length zero or less.</exception>
    public static void ThrowIfBadClaim(string claimer, int max, TimeSpan claimFor)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimer);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimFor, TimeSpan.Zero);
    }
}
