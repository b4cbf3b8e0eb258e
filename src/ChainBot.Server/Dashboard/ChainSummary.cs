using ChainBot.Core.Merging;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Server.Dashboard;

/// <summary>A chain (接龙) as the dashboard's list and a chain page's heading show it. Pure.</summary>
/// <param name="GroupId">The group (群) it is in.</param>
/// <param name="Number">Its number in the group.</param>
/// <param name="Title">Its title, phone numbers masked; 接龙 N for a chain with none.</param>
/// <param name="Deadline">Its deadline, if it has one.</param>
/// <param name="Open">True while lines count: before the deadline and not closed with 截止.</param>
/// <param name="Delivered">True once a coordinator sent 到货.</param>
/// <param name="Tally">Its totals (统计).</param>
internal sealed record ChainSummary(string GroupId, int Number, string Title, DateTimeOffset? Deadline, bool Open, bool Delivered, ChainTally Tally)
{
    /// <summary>The summary of <paramref name="chain"/> at <paramref name="now"/>.</summary>
    public static ChainSummary Of(string groupId, ChainState chain, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        string title = chain.Header.Title is { Length: > 0 } t ? PhoneNumbers.MaskAll(t) : "接龙 " + chain.ChainId;
        return new ChainSummary(groupId, chain.Number, title, chain.Header.Deadline, chain.IsOpenAt(now), chain.Delivered is not null, chain.Tally());
    }

    /// <summary>进行中 or 已截止.</summary>
    public string Status => Open ? "进行中" : "已截止";

    /// <summary>The line under a title: deadline, status, households, money, delivery.</summary>
    public string Facts
    {
        get
        {
            var facts = new List<string>(5);
            if (Deadline is { } deadline)
                facts.Add("截止 " + DashboardPage.Time(deadline));
            facts.Add($"{Tally.Total.Households}户");
            facts.Add(DashboardPage.Money(Tally.Total.Amount));
            if (Delivered)
                facts.Add("已到货");
            return string.Join(" · ", facts);
        }
    }
}
