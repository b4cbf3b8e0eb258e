using System.Collections.Immutable;
using ChainBot.Core.Merging;
using ChainBot.Core.Replies;
using ChainBot.Core.Tests.Merging;

namespace ChainBot.Core.Tests.Replies;

/// <summary>
/// A group's conversation replayed through the merger, answering each message as the server will: the sender is a
/// coordinator when listed in <paramref name="coordinators"/> (the merger knows the same roles).
/// </summary>
internal sealed class ReplyScript(string[] coordinators, string[] volunteers)
{
    private readonly GroupScript _group = new(new ChainMerger(roles: GroupRoles.Of(coordinators, volunteers)));

    /// <summary>A group with the given coordinators and no volunteers.</summary>
    public ReplyScript(params string[] coordinators)
        : this(coordinators, [])
    {
    }

    /// <summary>Settings every message is answered with, apart from who the sender is.</summary>
    public ReplyContext Context { get; set; } = ReplyContext.Default;

    public GroupState State => _group.State;

    /// <summary>Posts a message (a minute after the previous one, or at "HH:mm") and returns the bot's answers.</summary>
    public ImmutableArray<BotReply> Post(string sender, string text, string? at = null)
    {
        var result = _group.Post(sender, text, at);
        var context = Context with { SenderIsCoordinator = coordinators.Contains(sender) };
        return BotReplies.For(_group.Messages[^1], result, context);
    }

    /// <summary>The answers' texts, messages apart by a <c>---</c> line; mentions as <c>@id</c> lines before their text.</summary>
    public string Say(string sender, string text, string? at = null) => Show(Post(sender, text, at));

    public static string Show(IEnumerable<BotReply> replies) =>
        string.Join("\n---\n", replies.Select(reply => string.Concat(reply.Mentions.Select(id => "@" + id + "\n")) + reply.Text));
}
