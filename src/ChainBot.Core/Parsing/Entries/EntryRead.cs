using ChainBot.Core.Chains;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>The outcome of reading one entry: an entry, or the reason it could not be read.</summary>
internal readonly record struct EntryRead(ChainEntry? Entry, string? Reason)
{
    public static EntryRead Read(ChainEntry entry) => new(entry, null);

    public static EntryRead Unread(string reason) => new(null, reason);
}
