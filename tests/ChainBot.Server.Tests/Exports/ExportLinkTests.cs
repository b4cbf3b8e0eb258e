using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using ChainBot.Core.Merging;
using ChainBot.Server.Exports;
using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainBot.Server.Tests.Exports;

/// <summary>
/// <c>导出</c> end to end on a real Kestrel: the coordinator's answer carries a link, the link gives the chain's
/// workbook with the tally's numbers and no phone number; a tampered link is 404, an expired one 410; a resident gets
/// no link; with a configured key a link outlives a restart, without one it does not.
/// </summary>
public sealed partial class ExportLinkTests : ServerTestBase
{
    private const string GroupId = "g_export";
    private const string Phone = "13812345678";
    private const string LinkKey = "a-test-key-of-at-least-thirty-two-characters";

    [GeneratedRegex(@"https?://\S+/exports/\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhoneNumber();

    [Test]
    public async Task A_coordinators_export_link_gives_the_chains_workbook_with_its_tally_and_no_phone_number()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, Coordinator);
        var (messages, export) = await ChainAndExportAsync(bot, Conversation.Coordinator);

        var reply = await sink.WaitForReplyAsync("the 导出 reply", r => r.InReplyTo == export.MsgId);
        string url = Link().Match(reply.Text).Value;
        Assert.That(url, Does.StartWith(bot.Address.ToString().TrimEnd('/') + "/exports/"), reply.Text);
        Assert.That(reply.Mentions, Is.EqualTo(new[] { Conversation.Coordinator }));
        Assert.That(reply.Text, Does.Contain("24小时内有效"));
        Assert.That(PhoneNumber().IsMatch(reply.Text), Is.False);

        using var response = await bot.Client.GetAsync(url);
        byte[] content = await response.Content.ReadAsByteArrayAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ExportFile.XlsxType));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("接龙1 4月18日 天山三村 蔬菜套餐团购.xlsx"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        }

        var chain = Replay(messages).Chain(1);
        var tally = chain.Tally();
        var sheets = Workbook.Read(content);
        var order = sheets.Single(s => s.Name == "供应商订单").Rows;
        var item = tally.Total.Items.Single();
        var itemRow = order.Single(row => row.Length > 0 && row[0] == item.Item);
        var totalRow = order.Single(row => row.Length > 0 && row[0] == "合计");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decimal.Parse(itemRow[3], CultureInfo.InvariantCulture), Is.EqualTo(item.Quantity), "the item's total");
            Assert.That(decimal.Parse(totalRow[^1], CultureInfo.InvariantCulture), Is.EqualTo(tally.Total.Amount), "the amount due");
            Assert.That(totalRow[1], Is.EqualTo($"{tally.Total.Households}户"));
            Assert.That(sheets.Count(s => s.Name.StartsWith("分楼清单", StringComparison.Ordinal)), Is.EqualTo(tally.Buildings.Length));
            Assert.That(sheets.SelectMany(s => s.Rows).SelectMany(r => r).Where(t => PhoneNumber().IsMatch(t)), Is.Empty, "a phone number in the group's workbook");
            Assert.That(sheets.SelectMany(s => s.Rows).SelectMany(r => r), Has.None.EqualTo("电话"), "a phone column in the group's workbook");
        }
    }

    [Test]
    public async Task A_tampered_or_malformed_link_is_404_and_an_expired_one_410()
    {
        var sink = await StartSinkAsync();
        var clock = new ShiftedClock();
        var bot = await StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Configuration = [Coordinator], Clock = clock });
        var (_, export) = await ChainAndExportAsync(bot, Conversation.Coordinator);
        string url = Link().Match((await sink.WaitForReplyAsync("the 导出 reply", r => r.InReplyTo == export.MsgId)).Text).Value;
        string token = url[(url.LastIndexOf('/') + 1)..];
        string[] parts = token.Split('.');
        var links = bot.App.Services.GetRequiredService<ExportLinks>();
        var good = links.Check(token).Token!;
        string TokenOf(ExportToken other) => links.Url(other)[(links.Url(other).LastIndexOf('/') + 1)..];

        string[] bad =
        [
            parts[0] + "." + Flip(parts[1]),                                    // the signature changed
            Flip(parts[0]) + "." + parts[1],                                    // the payload changed
            TokenOf(good with { Chain = 2 }).Split('.')[0] + "." + parts[1],    // another chain's payload, this signature
            TokenOf(good with { ExpiresAt = good.ExpiresAt.AddDays(30) }).Split('.')[0] + "." + parts[1], // a later expiry
            "not-a-token",
            parts[0],
            token + ".x",
            TokenOf(good with { Chain = 9 }),                                   // signed, but no such chain
            TokenOf(good with { GroupId = "g_other" }),                         // signed, but no such group
        ];
        foreach (string attempt in bad)
        {
            using var response = await bot.Client.GetAsync("/exports/" + attempt);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), attempt);
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty, "a 404 gives no hint");
        }
        using (var ok = await bot.Client.GetAsync(url))
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the untouched link still works");

        clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1);
        using var expired = await bot.Client.GetAsync(url);
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(await expired.Content.ReadAsStringAsync(), Is.EqualTo(ExportEndpoints.ExpiredText));
        Assert.That(expired.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task A_residents_export_gets_no_link_and_the_chains_opener_gets_one()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink); // no configured coordinator: the opener runs the chain
        var (_, export) = await ChainAndExportAsync(bot, "u_li");
        var refused = await sink.WaitForReplyAsync("the resident's 导出 reply", r => r.InReplyTo == export.MsgId);
        Assert.That(refused.Text, Does.Not.Contain("http"));
        Assert.That(refused.Text, Does.Contain("团长"));

        var group = new Conversation(GroupId, "opener");
        var byOpener = group.Say(Conversation.Coordinator, "导出");
        await bot.PostAcceptedAsync(byOpener);
        var answer = await sink.WaitForReplyAsync("the opener's 导出 reply", r => r.InReplyTo == byOpener.MsgId);
        Assert.That(Link().IsMatch(answer.Text), Is.True, answer.Text);
    }

    [Test]
    public async Task A_link_outlives_a_restart_with_a_configured_key_and_not_without_one()
    {
        var sink = await StartSinkAsync();
        string[] keyed = [Coordinator, "ChainBot:Exports:LinkKey=" + LinkKey, "ChainBot:Exports:PublicUrl=https://bot.example.org/chainbot"];
        var first = await StartBotAsync(sink, keyed);
        var (_, export) = await ChainAndExportAsync(first, Conversation.Coordinator);
        string url = Link().Match((await sink.WaitForReplyAsync("the 导出 reply", r => r.InReplyTo == export.MsgId)).Text).Value;
        Assert.That(url, Does.StartWith("https://bot.example.org/chainbot/exports/"), "the public address, as configured");
        string path = url["https://bot.example.org/chainbot".Length..];
        await first.DisposeAsync();

        var second = await StartBotAsync(sink, keyed);
        using (var response = await second.Client.GetAsync(path))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same key signs after the restart");
            Assert.That(Workbook.Read(await response.Content.ReadAsByteArrayAsync()).Select(s => s.Name), Does.Contain("供应商订单"));
        }
        await second.DisposeAsync();

        var unkeyed = await StartBotAsync(sink, Coordinator);
        using var stale = await unkeyed.Client.GetAsync(path);
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "without a key each process signs with its own");
    }

    [Test]
    public async Task A_csv_link_gives_a_zip_of_the_csv_files()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, Coordinator);
        var (_, export) = await ChainAndExportAsync(bot, Conversation.Coordinator);
        await sink.WaitForReplyAsync("the 导出 reply", r => r.InReplyTo == export.MsgId);
        var link = bot.App.Services.GetRequiredService<ExportLinks>().Create(GroupId, 1, ExportFormat.Csv);

        using var response = await bot.Client.GetAsync(link.Url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ExportFile.ZipType));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Does.EndWith(".zip"));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain("01 供应商订单.csv"));
        using var reader = new StreamReader(zip.GetEntry("01 供应商订单.csv")!.Open());
        string csv = await reader.ReadToEndAsync();
        Assert.That(csv, Does.Contain("蔬菜套餐"));
        Assert.That(PhoneNumber().IsMatch(csv), Is.False);
    }

    private static string Coordinator => "ChainBot:Groups:" + GroupId + ":Coordinators:0=" + Conversation.Coordinator;

    /// <summary>The chain, three residents' copies (one with a phone number), then 导出 from <paramref name="exporter"/>.</summary>
    private static async Task<(List<ChatMessage> Messages, ChatMessage Export)> ChainAndExportAsync(BotHost bot, string exporter)
    {
        var group = new Conversation(GroupId, "export-" + exporter);
        List<ChatMessage> messages =
        [
            group.Say(Conversation.Coordinator, Conversation.Header + "1."),
            group.Say("u_wang", Conversation.Chain("1. 12号301 王阿姨 1份")),
            group.Say("u_li", Conversation.Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份")),
            group.Say("u_zhang", Conversation.Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份", $"3. 12号302 张三 {Phone} 3份")),
            group.Say(exporter, "导出"),
        ];
        foreach (var message in messages)
            Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"));
        return (messages, messages[^1]);
    }

    private static GroupState Replay(IEnumerable<ChatMessage> messages) =>
        new ChainMerger(roles: GroupRoles.Of([Conversation.Coordinator])).Replay(messages.Select(m => m.ToIncoming()));

    /// <summary>The text with one character changed near its middle, still base64url.</summary>
    private static string Flip(string text)
    {
        int i = text.Length / 2;
        return text[..i] + (text[i] == 'A' ? 'B' : 'A') + text[(i + 1)..];
    }
}
