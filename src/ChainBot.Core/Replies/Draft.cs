using System.Collections.Immutable;

namespace ChainBot.Core.Replies;

/// <summary>An answer before it is cut to the channel's limits: its lines, and whether it @-mentions the sender.</summary>
/// <param name="Lines">The lines, none holding a line break.</param>
/// <param name="ToSender">True when the answer is for the sender alone (their lines, a refusal): it mentions them.</param>
internal sealed record Draft(ImmutableArray<string> Lines, bool ToSender = false)
{
    /// <summary>A draft of the given lines.</summary>
    public static Draft Of(IEnumerable<string> lines, bool toSender = false) => new([.. lines], toSender);

    /// <summary>A one-line draft.</summary>
    public static Draft Line(string line, bool toSender = false) => new([line], toSender);
}
