using System.Globalization;

namespace ChainBot.Server.Dashboard;

/// <summary>
/// The frame every dashboard page shares: a phone-first layout (viewport meta, one column, tables that scroll
/// sideways on their own), the style sheet and the script under the page's nonce, and a reload every
/// <see cref="DashboardDefaults.Refresh"/> that the script does (the page reads the same without it).
/// </summary>
internal static class DashboardPage
{
    // Phone first: one column at 375 px, a little wider on a desk; system fonts, which carry Chinese everywhere.
    private const string Style = """
        :root{color-scheme:light;--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--accent:#0a7d5a;--warn:#b35900;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
        header,main{max-width:960px;margin:0 auto;padding:12px}
        header{background:#fff;border-bottom:1px solid var(--line)}
        h1{font-size:1.25rem;margin:4px 0;overflow-wrap:anywhere}
        h2{font-size:1.05rem;margin:0 0 8px}
        section,.chain{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;margin:12px 0}
        a{color:var(--accent)}
        .meta{color:var(--muted);font-size:.9rem;margin:0}
        .badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.85rem;color:#fff;background:var(--accent)}
        .badge.closed{background:var(--muted)}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;white-space:nowrap}
        tr.total td{font-weight:600}
        .none{color:var(--muted)}
        .warn{color:var(--warn)}
        svg{width:100%;height:auto;display:block}
        svg text{font-size:13px;fill:var(--ink)}
        svg rect.bar{fill:var(--accent)}
        td.progress{width:45%}
        progress{width:100%;height:14px}
        .exports{display:flex;flex-wrap:wrap;gap:8px}
        .button{display:inline-block;padding:8px 12px;border-radius:6px;background:var(--accent);color:#fff;text-decoration:none}
        .button.private{background:var(--warn)}
        input[type=search]{width:100%;padding:8px;font-size:16px;border:1px solid var(--line);border-radius:6px}
        """;

    /// <summary>A whole page: the head, then <paramref name="body"/>, then the script.</summary>
    public static string Render(string title, string nonce, DashboardLinks links, Action<HtmlWriter> body)
    {
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>").Open("html", ("lang", "zh-CN"))
            .Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Open("meta", ("name", "robots"), ("content", "noindex, nofollow"))
            .Element("title", title + " · 接龙看板")
            .Open("style", ("nonce", nonce)).Raw(Style).Close("style")
            .Close("head")
            .Open("body", ("data-refresh", DashboardDefaults.Refresh.TotalSeconds.ToString(CultureInfo.InvariantCulture)));
        body(html);
        html.Open("script", ("nonce", nonce), ("src", links.Script)).Close("script")
            .Close("body").Close("html");
        return html.ToString();
    }

    /// <summary>¥68, ¥12.5: yuan with at most two decimals, as the bot's answers write money.</summary>
    public static string Money(decimal amount) =>
        "¥" + Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>4月18日 20:00, in the deadline's own offset (China time).</summary>
    public static string Time(DateTimeOffset time) => time.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
