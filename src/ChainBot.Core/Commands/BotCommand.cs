namespace ChainBot.Core.Commands;

/// <summary>What a message asks the bot to do (design.md, "Commands to the bot").</summary>
public enum BotCommandKind
{
    /// <summary><c>统计</c>, <c>汇总</c>: the totals of the chain.</summary>
    Tally,

    /// <summary><c>3号楼</c>: one building's list.</summary>
    Building,

    /// <summary><c>我的</c>: what the bot understood of the sender's own lines.</summary>
    Mine,

    /// <summary><c>截止</c>: a coordinator closes the chain; later lines are late.</summary>
    Close,

    /// <summary><c>导出</c>: a file for the supplier.</summary>
    Export,

    /// <summary><c>帮助</c>: what the bot can do.</summary>
    Help,

    /// <summary><c>接受</c>, <c>接受 12-301</c>: a coordinator counts late lines after all.</summary>
    Accept,

    /// <summary><c>设为团长 @张三</c>: a coordinator names another; the argument is the name as mentioned.</summary>
    Appoint,

    /// <summary><c>到货</c>: a coordinator marks the chain's goods arrived; households may now collect them.</summary>
    Deliver,

    /// <summary>
    /// <c>已领</c> (the sender's own households), <c>12-301 已取</c> (that household, the argument): goods collected.
    /// </summary>
    PickUp,

    /// <summary><c>12号楼全部已领</c>: a coordinator or volunteer registers every household of a building (the argument).</summary>
    PickUpBuilding,

    /// <summary><c>未领</c>, <c>3号楼未领</c>: who has not collected yet, per building or in one (the argument).</summary>
    Uncollected,

    /// <summary>
    /// <c>台账 配药</c>, <c>台账配药</c>: a coordinator asks for a standing ledger's current list (the argument, its name);
    /// <c>台账</c> alone: the ledgers the group has.
    /// </summary>
    Ledger,
}

/// <summary>A command to the bot and what follows its word (<c>3号楼</c> → building "3").</summary>
/// <param name="Kind">What is asked.</param>
/// <param name="Argument">The building for <see cref="BotCommandKind.Building"/>, <see cref="BotCommandKind.PickUpBuilding"/> and <see cref="BotCommandKind.Uncollected"/> (<c>3号楼</c> → "3"; with an entrance, <c>3号楼2单元</c> → "3-2"); the household as written for <see cref="BotCommandKind.PickUp"/> (<c>12-301 已取</c> → "12-301"); the text after the word for the others (<c>统计 一营</c> → "一营"); null when none.</param>
public sealed record BotCommand(BotCommandKind Kind, string? Argument = null);
