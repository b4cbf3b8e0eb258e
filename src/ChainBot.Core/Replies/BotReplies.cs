using System.Collections.Immutable;
using ChainBot.Core.Commands;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Text;

namespace ChainBot.Core.Replies;

/// <summary>
/// What the bot says in the group after a message was merged (design.md, "Replies"): the answer to a command
/// (统计, 3号楼, 我的, 截止, 接受, 导出, 帮助, 到货, 已领, 未领, 台账), and to the sender when the merger could not read, place or make
/// what they sent. Chain posts and chatter get no answer, unless the group wants new lines acknowledged. Pure: no
/// I/O, the same answer for the same input.
/// </summary>
/// <remarks>
/// <para>Privacy: no phone number is ever written (every text is masked once more on the way out); the building
/// lists and totals the whole group reads never give a full name (王阿姨 → 王**).</para>
/// <para>Thread-safe: static, and nothing is shared between calls.</para>
/// </remarks>
public static class BotReplies
{
    /// <summary>
    /// The messages to post, in order, after <paramref name="message"/> was merged into <paramref name="result"/>
    /// (what <see cref="ChainMerger.Apply"/> returned for it). Each fits <paramref name="context"/>'s limits; a long
    /// answer comes as several messages numbered （1/3）, （2/3）…; none when there is nothing to say.
    /// </summary>
    /// <param name="message">The message that was merged.</param>
    /// <param name="result">What the merger made of it: the group's state after it, and its events.</param>
    /// <param name="context">Who the sender is and the group's settings; <see cref="ReplyContext.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The context's limits are too small to write anything in.</exception>
    public static ImmutableArray<BotReply> For(IncomingMessage message, MergeResult result, ReplyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        context ??= ReplyContext.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(context.MaxBytes, ReplyDefaults.MinimumBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(context.MaxLines, 1);

        var exchange = new Exchange(message, result, context);
        var replies = ImmutableArray.CreateBuilder<BotReply>();
        foreach (var draft in Drafts(exchange))
            replies.AddRange(Send(draft, exchange));
        return replies.ToImmutable();
    }

    /// <summary>
    /// Every answer the message calls for, in a fixed order: the command's, then what was registered, then what was
    /// refused, not read, or not placed.
    /// </summary>
    private static IEnumerable<Draft> Drafts(Exchange exchange)
    {
        Draft?[] drafts =
        [
            exchange.First<CommandReceived>() is { } command ? Command(exchange, command) : null,
            AcknowledgeAnswer.For(exchange),
            RefusedAnswer.For(exchange),
            UnreadAnswer.For(exchange),
            ReportedAnswer.For(exchange),
        ];
        return drafts.OfType<Draft>();
    }

    private static Draft? Command(Exchange exchange, CommandReceived command) => command.Command.Kind switch
    {
        BotCommandKind.Tally => TallyAnswer.For(exchange, command),
        BotCommandKind.Building => BuildingAnswer.For(exchange, command),
        BotCommandKind.Mine => MineAnswer.For(exchange, command),
        BotCommandKind.Close => CloseAnswer.For(exchange, command),
        BotCommandKind.Accept => AcceptAnswer.For(exchange, command),
        BotCommandKind.Export => ExportAnswer.For(exchange, command),
        BotCommandKind.Deliver => PickupAnswer.Deliver(exchange, command),
        BotCommandKind.PickUp => PickupAnswer.PickUp(exchange, command),
        BotCommandKind.PickUpBuilding => PickupAnswer.PickUpBuilding(exchange, command),
        BotCommandKind.Uncollected => PickupAnswer.Uncollected(exchange, command),
        BotCommandKind.Ledger => LedgerAnswer.For(exchange, command),
        BotCommandKind.Appoint => null, // answered by the server, which knows the group's members and whether it worked
        _ => HelpAnswer.For(),
    };

    /// <summary>A draft masked and cut into messages; the first @-mentions the sender when the draft is theirs.</summary>
    private static IEnumerable<BotReply> Send(Draft draft, Exchange exchange)
    {
        // Every line passed through the merger's masking already; this is the last guard, for titles and notes too.
        var lines = draft.Lines.Select(PhoneNumbers.MaskAll).ToList();
        var parts = MessageSplitter.Split(lines, exchange.Context.MaxBytes, exchange.Context.MaxLines);
        var mention = draft.ToSender ? ImmutableArray.Create(exchange.Sender) : [];
        for (int i = 0; i < parts.Count; i++)
            yield return new BotReply(parts[i], i == 0 ? mention : []);
    }
}
