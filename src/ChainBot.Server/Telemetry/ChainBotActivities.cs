using System.Diagnostics;

namespace ChainBot.Server.Telemetry;

/// <summary>
/// The bot's traces, on the activity source <see cref="SourceName"/>: a span per accepted webhook message
/// (<c>accept</c>), per group batch processed (<c>process group</c>) and per reply sent (<c>send reply</c>). Spans
/// carry ids and counts, never a message's text.
/// </summary>
/// <remarks>Static, as .NET recommends for an <see cref="ActivitySource"/>: with no listener, starting a span costs a check.</remarks>
internal static class ChainBotActivities
{
    /// <summary>The source's name, as an OpenTelemetry tracer provider subscribes to it.</summary>
    public const string SourceName = "ChainBot";

    /// <summary>The source.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for a message being stored before its acknowledgement.</summary>
    public static Activity? Accept(string channel) =>
        Source.StartActivity("accept")?.SetTag("chainbot.channel", channel);

    /// <summary>A span for a batch of a group's messages merged and committed.</summary>
    public static Activity? ProcessGroup(string groupId) =>
        Source.StartActivity("process group")?.SetTag("chainbot.group", groupId);

    /// <summary>A span for one reply's delivery through its channel.</summary>
    public static Activity? SendReply(string replyId, string channel) =>
        Source.StartActivity("send reply", ActivityKind.Client)?.SetTag("chainbot.reply", replyId).SetTag("chainbot.channel", channel);
}
