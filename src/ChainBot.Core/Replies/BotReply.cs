using System.Collections.Immutable;

namespace ChainBot.Core.Replies;

/// <summary>One message the bot posts in the group.</summary>
/// <param name="Text">
/// What it says, within the <see cref="ReplyContext"/>'s limits and with no phone number in it. The @-mentions are
/// not part of it: the channel renders <paramref name="Mentions"/> as its transport does (WeCom's mention list, an
/// <c>@name</c> WeChat puts before the text).
/// </param>
/// <param name="Mentions">The sender ids to @-mention; empty when the reply is for the whole group.</param>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record BotReply(string Text, ImmutableArray<string> Mentions);
