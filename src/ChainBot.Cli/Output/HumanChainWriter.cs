using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Cli.Input;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Cli.Output;

/// <summary>
/// The report for a person: the header (title, kind, deadline, catalogue), then the entries (<c>parse</c>) or the
/// totals per building (<c>tally</c>), then always the lines that could not be read and why. The chains a transcript
/// merges into (<c>replay</c>, <c>tally</c> of a transcript) are reported in <c>HumanChainWriter.Replay.cs</c>.
/// </summary>
/// <remarks>
/// Phone numbers appear only masked: the entry's <see cref="ChainEntry.MaskedPhone"/>, and free text masked
/// again on the way out. <see cref="ChainEntry.Phone"/> is never read here.
/// </remarks>
internal sealed partial class HumanChainWriter(IReportRenderer renderer)
{
    private static readonly IReadOnlySet<int> NoNumbers = ImmutableHashSet<int>.Empty;

    /// <summary>Spectre tables when <paramref name="console"/> is a terminal; aligned plain text otherwise.</summary>
    public static HumanChainWriter For(CliConsole console)
    {
        return new HumanChainWriter(Renderer(console));
    }

    /// <summary>Spectre when <paramref name="console"/> is a terminal; aligned plain text otherwise.</summary>
    public static IReportRenderer Renderer(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.IsTerminal ? new SpectreRenderer(console.Out, console.Width) : new PlainTextRenderer(console.Out);
    }

    /// <summary>The <c>parse</c> report: header, catalogue, every entry, unread lines.</summary>
    public void WriteEntries(PickedChain chain, string path)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var post = chain.Post;
        WriteHeader(post.Header, post.Kind, SourceText(chain.Source, path));

        var entries = new ReportTable($"Entries ({post.Entries.Length})", ["#", "Address", "Name", "Items", "Status", "Note"], new HashSet<int> { 0 });
        foreach (var entry in post.Entries)
        {
            entries.Add(
                entry.Seq?.ToString(CultureInfo.InvariantCulture),
                Masked(AddressText(entry.Address)),
                Masked(entry.Name),
                ItemsText(entry.Items),
                StatusText(entry),
                Masked(entry.Note));
        }
        WriteTableOrNone(entries, "Entries: none");
        WriteUnread(post.Unread);
        renderer.Flush();
    }

    /// <summary>The <c>tally</c> report: header, catalogue, a row per building with the totals under it, unread lines.</summary>
    public void WriteTally(PickedChain chain, ChainTally tally, string path)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tally);
        WriteHeader(chain.Post.Header, chain.Post.Kind, SourceText(chain.Source, path));
        WriteTallyTable(chain.Post.Kind, tally);
        WriteUnread(chain.Post.Unread);
        renderer.Flush();
    }

    /// <summary>A row per building with the totals under it, or a line saying nothing counts.</summary>
    private void WriteTallyTable(ChainKind kind, ChainTally tally)
    {
        // A roster has no prices: an amount column of ¥0.00 would only suggest something is unpaid.
        bool money = kind == ChainKind.Order;
        string[] columns = money ? ["Building", "Households", "Items", "Amount"] : ["Building", "Households", "Items"];
        var table = new ReportTable($"Tally ({tally.Buildings.Length} {(tally.Buildings.Length == 1 ? "building" : "buildings")})", columns, money ? new HashSet<int> { 1, 3 } : new HashSet<int> { 1 });
        foreach (var row in tally.Buildings)
        {
            string building = Masked(BuildingText(row.Area, row.Building));
            string households = row.Households.ToString(CultureInfo.InvariantCulture);
            if (money)
                table.Add(building, households, ItemsText(row.Items), MoneyText(row.Amount));
            else
                table.Add(building, households, ItemsText(row.Items));
        }
        string total = tally.Total.Households.ToString(CultureInfo.InvariantCulture);
        table.Footer = money
            ? ["Total", total, ReportTable.Cell(ItemsText(tally.Total.Items)), MoneyText(tally.Total.Amount)]
            : ["Total", total, ReportTable.Cell(ItemsText(tally.Total.Items))];
        WriteTableOrNone(table, "Tally: no active entries");
        WriteZoneTable(kind, tally);
    }

    /// <summary>Money as the group writes it: ¥ and two decimals.</summary>
    public static string MoneyText(decimal amount) => "¥" + amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A quantity without trailing zeros: 2, 3.5.</summary>
    public static string QuantityText(decimal quantity) => quantity.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>An address as people write it: 一区 12号 3单元 301.</summary>
    public static string AddressText(Address address)
    {
        var parts = new List<string>(5);
        if (address.Area is not null)
            parts.Add(address.Area);
        if (address.Building is not null)
            parts.Add(address.Building + "号");
        if (address.Entrance is not null)
            parts.Add(address.Entrance + "单元");
        if (address.Room is not null)
            parts.Add(address.Room);
        if (address.Floor is not null)
            parts.Add(address.Floor + "楼");
        return string.Join(' ', parts);
    }

    /// <summary>Title, where the chain comes from (<paramref name="source"/>), kind, deadline and catalogue.</summary>
    private void WriteHeader(ChainHeader header, ChainKind kind, string source)
    {
        renderer.Title(Masked(header.Title) is { Length: > 0 } title ? title : "(no title)");
        renderer.Line(source);
        string deadline = header.Deadline is { } d ? TimeText(d) : "none";
        renderer.Line($"Kind: {(kind == ChainKind.Order ? "order" : "roster")}    Deadline: {deadline}");
        if (header.Minimum is int minimum)
            renderer.Line($"Minimum: {minimum.ToString(CultureInfo.InvariantCulture)}");
        if (header.Pickup is not null)
            renderer.Line($"Pickup: {Masked(header.Pickup)}");

        if (header.Catalogue.IsDefaultOrEmpty)
            return;
        var catalogue = new ReportTable("Catalogue", ["Item", "Unit", "Price", "Spec"], new HashSet<int> { 2 });
        foreach (var item in header.Catalogue)
            catalogue.Add(item.Name, item.Unit, item.Price is decimal price ? MoneyText(price) : "-", Masked(item.Spec));
        renderer.Table(catalogue);
    }

    private void WriteUnread(IReadOnlyCollection<UnreadLine> lines)
    {
        var unread = new ReportTable($"Unread lines ({lines.Count})", ["Line", "Text", "Reason"], new HashSet<int> { 0 });
        foreach (var line in lines)
            unread.Add(line.LineNumber.ToString(CultureInfo.InvariantCulture), Masked(line.Line), line.Reason);
        WriteTableOrNone(unread, "Unread lines: none");
    }

    private void WriteTableOrNone(ReportTable table, string none)
    {
        if (table.Rows.Count > 0)
        {
            renderer.Table(table);
            return;
        }
        renderer.Line(string.Empty);
        renderer.Line(none);
    }

    /// <summary>A time as the report writes it: 2022-04-18 20:00 +08:00.</summary>
    private static string TimeText(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string SourceText(SourcedPost source, string path)
    {
        string time = TimeText(source.Time);
        if (source.LineNumber is not int line)
            return $"Source: {path} (read as of {time})";
        string sender = source.SenderName is null ? string.Empty : $", from {Masked(source.SenderName)}";
        return $"Source: {path} line {line.ToString(CultureInfo.InvariantCulture)}{sender}, sent {time}";
    }

    private static string StatusText(ChainEntry entry)
    {
        var flags = new List<string>(4) { entry.Status == EntryStatus.Cancelled ? "cancelled" : "active" };
        if (entry.IsCorrection)
            flags.Add("correction");
        if (entry.OnBehalf)
            flags.Add("on behalf");
        if (entry.MaskedPhone is { } phone)
            flags.Add("phone " + phone);
        return string.Join(", ", flags);
    }

    private static string ItemsText(ImmutableArray<ItemQuantity> items) =>
        items.IsDefaultOrEmpty
            ? string.Empty
            : string.Join(", ", items.Select(static q => $"{Masked(q.Item)} {QuantityText(q.Quantity)}{q.Unit}"));

    private static string BuildingText(string? area, string? building) =>
        (area, building) switch
        {
            (null, null) => "(no building)",
            (_, null) => area + " (no building)",
            (null, _) => building + "号",
            _ => $"{area} {building}号",
        };

    // Free text from the group, with any phone number in it masked: the parser masks lines already; this holds
    // even if some field slipped through.
    private static string Masked(string? text) => text is null ? string.Empty : PhoneNumbers.MaskAll(text);
}
