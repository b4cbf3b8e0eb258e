using ChainBot.Core.Messages;

namespace ChainBot.Storage;

/// <summary>A message as a channel received it, to be stored before it is acknowledged.</summary>
/// <param name="Channel">The channel and its route (<c>generic</c>, <c>wechat:main</c>, <c>wecom:app1</c>): a message id is unique within it.</param>
/// <param name="Message">The message.</param>
/// <param name="ReceivedAt">When the channel received it.</param>
public sealed record InboxMessage(string Channel, IncomingMessage Message, DateTimeOffset ReceivedAt);

/// <summary>A stored message.</summary>
/// <param name="Id">Its place in the inbox: the order messages were accepted in.</param>
/// <param name="Channel">The channel and route it came from.</param>
/// <param name="Message">The message.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record InboxRecord(long Id, string Channel, IncomingMessage Message, DateTimeOffset ReceivedAt);

/// <summary>What <see cref="IChainBotStore.AcceptAsync"/> did.</summary>
/// <param name="Id">The message's inbox id (the first one's, for a duplicate).</param>
/// <param name="Duplicate">True when the message was stored before: acknowledge it, and do nothing else.</param>
public readonly record struct AcceptResult(long Id, bool Duplicate);
