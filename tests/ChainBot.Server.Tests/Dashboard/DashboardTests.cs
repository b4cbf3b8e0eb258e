using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChainBot.Exports;
using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.Options;
using static ChainBot.Server.Tests.Dashboard.DashboardScenario;

namespace ChainBot.Server.Tests.Dashboard;

/// The coordinators' dashboard on the real server: groups posted through the generic webhook, pages and downloads
/// fetched over loopback HTTP with and without a token, the numbers held to the chain's tally.
public partial class DashboardTests : ServerTestBase
{
    private const string ChainA = "/dashboard/groups/" + GroupA + "/chains/1";

    private async Task<BotHost> StartPostedAsync()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, Configuration);
        await PostAsync(bot);
        return bot;
    }

    [Test]
    public async Task Without_a_token_or_with_a_wrong_one_every_address_answers_401_with_no_data()
    {
        var bot = await StartPostedAsync();
        string[] paths = ["/dashboard", ChainA, ChainA + "/export/xlsx", "/dashboard/app.js"];
        foreach (string path in paths)
        {
            foreach (string? token in new[] { null, "", "dashboard-token-every-group-0002", TokenAll[..^1] })
            {
                using var response = await bot.Client.GetAsync(Url(path, token));
                string body = await response.Content.ReadAsStringAsync();
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{path} with token '{token}'");
                    Assert.That(body, Does.Not.Contain(GroupA).And.Not.Contain("天山三村").And.Not.Contain("12号楼"));
                    Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
                }
            }
        }
    }

    [Test]
    public async Task With_no_token_configured_the_dashboard_is_off()
    {
        var bot = await StartBotAsync(new BotSettings(DbPath));
        using var response = await bot.Client.GetAsync(Url("/dashboard", TokenAll));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("short-secret", "is too short: at least 16 characters")]
    [TestCase("<at least 16 random characters, from the environment>", "is still the example's placeholder")]
    public async Task A_token_anyone_could_know_stops_the_start_naming_the_key_not_the_value(string token, string reason)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Dashboard:Tokens:0:Token=" + token],
        }));
        Assert.That(failure!.Message, Is.EqualTo("ChainBot:Dashboard:Tokens:0:Token " + reason));
    }

    [Test]
    public async Task The_list_shows_each_group_s_chains_with_status_households_and_money()
    {
        var bot = await StartPostedAsync();
        using var response = await bot.Client.GetAsync(Url("/dashboard", TokenAll));
        string html = await response.Content.ReadAsStringAsync();

        var headers = response.Headers;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(headers.CacheControl?.NoStore, Is.True);
            Assert.That(headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            string csp = headers.GetValues("Content-Security-Policy").Single();
            Assert.That(csp, Does.StartWith("default-src 'none'; script-src 'nonce-"));
            string nonce = NonceRegex().Match(csp).Groups[1].Value;
            Assert.That(html, Does.Contain($"<script nonce=\"{nonce}\" src=\"/dashboard/app.js?token="), "the only script, under the nonce");
            Assert.That(html, Does.Contain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
            Assert.That(html, Does.Contain("4月18日 天山三村 蔬菜套餐团购"));
            Assert.That(html, Does.Contain(TitleB));
            Assert.That(html, Does.Contain("截止 4月18日 20:00 · 3户 · ¥340 · 已到货"));
            Assert.That(html, Does.Contain(ChainA + "?token=" + TokenAll));
        }
    }

    [Test]
    public async Task A_chain_page_shows_the_tally_per_building_the_bars_and_the_pickup_progress()
    {
        var bot = await StartPostedAsync();
        var chain = (await StateAsync(bot, GroupA)).Chain(1);
        var tally = chain.Tally();
        string html = await bot.Client.GetStringAsync(Url(ChainA, TokenAll));

        Assert.That(tally.Buildings, Has.Length.EqualTo(2), "the scenario: 12号楼 and 15号楼");
        Assert.That(html, Does.Contain("<h1><bdi>4月18日 天山三村 蔬菜套餐团购</bdi></h1>"));
        foreach (var building in tally.Buildings)
        {
            string label = ExportTableBuilder.BuildingLabel(building.Area, building.Building);
            var row = Regex.Match(html, $"<tr data-building=\"{label}\"><td>{label}</td><td class=\"n\" data-households>(\\d+)</td><td>([^<]*)</td><td class=\"n\" data-amount>¥([0-9.]+)</td>");
            Assert.That(row.Success, Is.True, $"the tally row of {label}");
            var bar = Regex.Match(html, $"<g class=\"row\" data-building=\"{label}\"><text[^>]*>{label}</text><rect class=\"bar\" [^>]*width=\"([0-9.]+)\" data-value=\"([0-9.]+)\">");
            Assert.That(bar.Success, Is.True, $"the bar of {label}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(building.Households));
                Assert.That(row.Groups[2].Value, Is.EqualTo(string.Join("，", building.Items.Select(i => $"{i.Item} {i.Quantity:0.###}{i.Unit}"))));
                Assert.That(decimal.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture), Is.EqualTo(building.Amount));
                Assert.That(decimal.Parse(bar.Groups[2].Value, CultureInfo.InvariantCulture), Is.EqualTo(building.Amount), "bars measure money");
                // The longest bar is 204 units wide; the others in proportion.
                decimal max = tally.Buildings.Max(b => b.Amount);
                Assert.That(decimal.Parse(bar.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(204m * building.Amount / max).Within(0.01m));
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain("<tr class=\"total\"><td>合计</td><td class=\"n\">3</td><td>蔬菜套餐 5份</td><td class=\"n\">¥340</td></tr>"));
            // 到货, then 王阿姨 (12号楼301) 已领: one of the two households of 12号楼, none of 15号楼.
            Assert.That(html, Does.Contain("<tr data-building=\"12号楼\" data-collected=\"1\" data-households=\"2\"><td>12号楼</td><td class=\"n\">1 / 2 户</td>"));
            Assert.That(html, Does.Contain("<tr data-building=\"15号楼\" data-collected=\"0\" data-households=\"1\">"));
            Assert.That(html, Does.Contain("到货，已领 1 / 3 户"));
            Assert.That(html, Does.Contain("待核对（1）"));
            Assert.That(html, Does.Not.Contain("13812345678"), "no phone number on the page");
            Assert.That(html, Does.Not.Contain("王阿姨").And.Not.Contain("赵阿姨"), "no full name on the page");
            foreach (var kind in new[] { "xlsx", "csv", "xlsx-phones" })
                Assert.That(html, Does.Contain($"href=\"{ChainA}/export/{kind}?token={TokenAll}\" download>"));
        }
    }

    [Test]
    public async Task Resident_text_is_encoded_and_isolated()
    {
        var bot = await StartPostedAsync();
        string html = await bot.Client.GetStringAsync(Url(ChainA, TokenAll));
        var check = Regex.Match(html, "<table id=\"check-lines\">.*?</table>", RegexOptions.Singleline).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("<script>alert"));
            Assert.That(html, Does.Not.Contain("alert(\"x\")"), "quotes encoded");
            Assert.That(check, Does.Contain("<bdi>4. 7号 903 周&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#x27;\u202Eabc 2斤</bdi>"),
                "in the lines to check, encoded, in an element of its own direction");
            Assert.That(Regex.Count(html, "\u202E"), Is.EqualTo(Regex.Count(html, "<bdi>[^<]*\u202E[^<]*</bdi>")),
                "a right-to-left override only ever inside an element that isolates it");
            Assert.That(Regex.Count(html, "<script"), Is.EqualTo(1), "the page's own script only");
        }
    }

    [Test]
    public async Task The_Excel_download_reads_back_equal_to_the_tally_and_shows_phones_only_when_asked()
    {
        var bot = await StartPostedAsync();
        var chain = (await StateAsync(bot, GroupA)).Chain(1);
        var tally = chain.Tally();

        using var response = await bot.Client.GetAsync(Url(ChainA + "/export/xlsx", TokenAll));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("4月18日 天山三村 蔬菜套餐团购.xlsx"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        }
        var sheets = WorkbookReader.Sheets(bytes);
        var payments = sheets[ExportTableBuilder.PaymentsName];
        // Title line, header, one row per building, the total line.
        Assert.That(payments, Has.Count.EqualTo(tally.Buildings.Length + 3));
        for (int i = 0; i < tally.Buildings.Length; i++)
        {
            var building = tally.Buildings[i];
            Assert.That(payments[i + 2], Is.EqualTo(new[]
            {
                ExportTableBuilder.BuildingLabel(building.Area, building.Building),
                building.Households.ToString(CultureInfo.InvariantCulture),
                ExportCell.Format(building.Amount),
                "", // 已收: left blank to tick by hand
            }));
        }
        var order = sheets[ExportTableBuilder.SupplierOrderName];
        Assert.That(order[2][0..4], Is.EqualTo(new[] { "蔬菜套餐", "每份约5斤", "份", ExportCell.Format(tally.Total.Items.Single().Quantity) }));
        Assert.That(sheets.Values.SelectMany(s => s).SelectMany(r => r), Has.None.Contains("13812345678"));

        var withPhones = WorkbookReader.Sheets(await bot.Client.GetByteArrayAsync(Url(ChainA + "/export/xlsx-phones", TokenAll)));
        Assert.That(withPhones["分楼清单 15号楼"][1], Does.Contain("电话"));
        Assert.That(withPhones["分楼清单 15号楼"][2], Does.Contain("13812345678"));
    }

    [Test]
    public async Task The_CSV_download_is_a_zip_of_the_export_s_files()
    {
        var bot = await StartPostedAsync();
        var tally = (await StateAsync(bot, GroupA)).Chain(1).Tally();
        using var response = await bot.Client.GetAsync(Url(ChainA + "/export/csv", TokenAll));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("4月18日 天山三村 蔬菜套餐团购.zip"));

        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[]
        {
            "01 供应商订单.csv", "02 分楼清单 12号楼.csv", "03 分楼清单 15号楼.csv", "04 收款.csv", "05 待核对.csv",
        }));
        using var reader = new StreamReader(zip.GetEntry("04 收款.csv")!.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string payments = await reader.ReadToEndAsync();
        Assert.That(payments, Is.EqualTo(
            "楼,户数,应收（元）,已收\r\n" +
            string.Concat(tally.Buildings.Select(b => $"{b.Building}号楼,{b.Households},{ExportCell.Format(b.Amount)},\r\n")) +
            $"合计,{tally.Total.Households},{ExportCell.Format(tally.Total.Amount)},\r\n"));
    }

    [Test]
    public async Task A_token_for_group_A_cannot_see_group_B()
    {
        var bot = await StartPostedAsync();
        string list = await bot.Client.GetStringAsync(Url("/dashboard", TokenA));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list, Does.Contain(GroupA).And.Contain("天山三村"));
            Assert.That(list, Does.Not.Contain(GroupB).And.Not.Contain(TitleB));
        }
        string chainB = "/dashboard/groups/" + GroupB + "/chains/1";
        foreach (string path in new[] { chainB, chainB + "/export/xlsx", chainB + "/export/xlsx-phones", "/dashboard/groups/g_nowhere/chains/1" })
        {
            using var response = await bot.Client.GetAsync(Url(path, TokenA));
            string body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(body, Does.Not.Contain("砂糖橘").And.Not.Contain("孙"), path);
        }
        using var all = await bot.Client.GetAsync(Url(chainB, TokenAll));
        Assert.That(await all.Content.ReadAsStringAsync(), Does.Contain(TitleB), "the other token sees it");
    }

    [GeneratedRegex("script-src 'nonce-([^']+)'")]
    private static partial Regex NonceRegex();
}
