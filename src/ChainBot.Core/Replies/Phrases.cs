namespace ChainBot.Core.Replies;

/// <summary>Sentences more than one answer says, worded once.</summary>
internal static class Phrases
{
    /// <summary>Asked about chains in a group that has none.</summary>
    public const string NoChain = "群里还没有接龙。";

    /// <summary>How a line is written, for whoever wrote one the bot could not place.</summary>
    public const string LineExample = "12号301 2份";
}
