namespace ChainBot.Core.Merging;

/// <summary>
/// A change to someone else's line that the merger did not make (the owner's version stands), kept for the
/// coordinator to see and settle.
/// </summary>
/// <param name="EntryId">The entry the change was to.</param>
/// <param name="By">Who made it, in which message.</param>
/// <param name="Line">The line as they wrote it (phone numbers masked).</param>
/// <param name="Reason">Why it was not made; one of <see cref="ConflictReasons"/>.</param>
public sealed record Conflict(int EntryId, Provenance By, string Line, string Reason);

/// <summary>The reasons a change is refused: stable strings replies and tests rely on.</summary>
public static class ConflictReasons
{
    /// <summary>Someone other than the owner, a coordinator or a volunteer changed the line.</summary>
    public const string NotTheOwner = "changed by someone other than its owner";

    /// <summary>Someone other than the owner cancelled the line.</summary>
    public const string CancelledByOther = "cancelled by someone other than its owner";
}
