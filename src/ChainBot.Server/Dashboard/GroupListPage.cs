using ChainBot.Core.Merging;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// The dashboard's first page: each group the token shows, with its chains — open ones first, then the latest
/// closed — each with its deadline, status, households and money, linked to its page.
/// </summary>
internal static class GroupListPage
{
    /// <summary>The page for <paramref name="groups"/> (group id and state, in the store's order) at <paramref name="now"/>.</summary>
    public static string Render(IReadOnlyList<(string GroupId, GroupState State)> groups, DateTimeOffset now, DashboardLinks links, string nonce) =>
        DashboardPage.Render("全部接龙", nonce, links, html =>
        {
            html.Open("header").Element("h1", "接龙看板").Element("p", "各群的接龙，进行中的在前。", ("class", "meta")).Close("header");
            html.Open("main");
            var shown = groups.Where(static g => !g.State.Chains.IsEmpty).ToList();
            if (shown.Count == 0)
                html.Element("p", "还没有接龙。", ("class", "none"));
            foreach (var (groupId, state) in shown)
            {
                html.Open("section", ("class", "group"), ("data-group", groupId)).Open("h2").Text("群 ").Resident(groupId).Close("h2");
                var chains = state.Chains
                    .Select(chain => ChainSummary.Of(groupId, chain, now))
                    .OrderByDescending(static c => c.Open)
                    .ThenByDescending(static c => c.Number)
                    .Take(DashboardDefaults.ChainsPerGroup);
                foreach (var chain in chains)
                {
                    html.Open("div", ("class", "chain"), ("data-chain", chain.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        .Open("a", ("href", links.Chain(groupId, chain.Number))).Resident(chain.Title).Close("a").Text(" ")
                        .Element("span", chain.Status, ("class", chain.Open ? "badge" : "badge closed"))
                        .Element("p", chain.Facts, ("class", "meta"))
                        .Close("div");
                }
                html.Close("section");
            }
            html.Close("main");
        });
}
