namespace ChainBot.Core.Merging;

/// <summary>What the coordinator (团长) should look at in an entry of a merged chain: its flags in the JSON contract.</summary>
[Flags]
public enum EntryMarks
{
    /// <summary>Nothing to look at.</summary>
    None = 0,

    /// <summary>
    /// The latest full copy of the chain left the line out although its copier had seen it (the copy holds lines
    /// added after it). Kept, never dropped: someone may have copied from an old version.
    /// </summary>
    MissingFromLatest = 1,

    /// <summary>Arrived after the deadline or after <c>截止</c>; outside the tally until a coordinator accepts it.</summary>
    Late = 2,

    /// <summary>A late line a coordinator accepted: counted.</summary>
    AcceptedLate = 4,

    /// <summary>The household has another line in the chain: an addition or a mistake, both kept and counted.</summary>
    SecondLine = 8,

    /// <summary>Someone other than its owner changed the line in a copy; the owner's version stands.</summary>
    Conflict = 16,

    /// <summary>Its owner changed it after the deadline; the change waits for a coordinator to accept it.</summary>
    LateChange = 32,
}

/// <summary>The flags' names in the JSON contract.</summary>
public static class EntryMarkNames
{
    private static readonly (EntryMarks Flag, string Name)[] Names =
    [
        (EntryMarks.MissingFromLatest, "missing-from-latest"),
        (EntryMarks.Late, "late"),
        (EntryMarks.AcceptedLate, "accepted-late"),
        (EntryMarks.SecondLine, "second-line"),
        (EntryMarks.Conflict, "conflict"),
        (EntryMarks.LateChange, "late-change"),
    ];

    /// <summary>The names of the flags set in <paramref name="flags"/>, in a fixed order.</summary>
    public static IEnumerable<string> Of(EntryMarks flags)
    {
        foreach (var (flag, name) in Names)
        {
            if ((flags & flag) != 0)
                yield return name;
        }
    }
}
