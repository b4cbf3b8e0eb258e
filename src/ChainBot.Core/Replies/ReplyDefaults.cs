namespace ChainBot.Core.Replies;

/// <summary>The defaults of <see cref="ReplyContext"/> and the fixed sizes of the answers, in one place.</summary>
public static class ReplyDefaults
{
    /// <summary>A message fits a phone screen and WeChat's limits with room to spare: at most this many UTF-8 bytes.</summary>
    public const int MaxBytes = 1800;

    /// <summary>At most this many lines in one message: a phone screen or two, no scrolling through a wall.</summary>
    public const int MaxLines = 25;

    /// <summary>The smallest byte limit accepted: room for a numbered part's marker and a few characters.</summary>
    public const int MinimumBytes = 32;

    /// <summary>Unread lines quoted back to their sender; more are counted (等N行), not quoted.</summary>
    public const int UnreadLinesQuoted = 3;

    /// <summary>Entries acknowledged line by line; a block of more (a volunteer's offline list) is counted.</summary>
    public const int EntriesAcknowledged = 5;

    /// <summary>Open chains summed up by one command, the latest first chosen; older ones are only counted.</summary>
    public const int ChainsShown = 3;

    /// <summary>Text elements of a quoted line or a title kept before an ellipsis.</summary>
    public const int QuoteLength = 40;
}
