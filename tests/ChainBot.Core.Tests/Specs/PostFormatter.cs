using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// Writes what the parser read in the compact line format of the spec files (README.md): one line per entry,
/// unread line, header fact and tally row. Fields are separated by '|', a newline inside a field is written
/// <c>\n</c>, trailing empty entry fields are left off.
/// </summary>
public static class PostFormatter
{
    /// <summary>The header facts an expected block may name, in the order they are shown.</summary>
    public static readonly string[] FactKeys = ["title", "kind", "deadline", "minimum", "pickup", "example", "catalogue"];

    /// <summary>What an absent header fact is written as.</summary>
    public const string Null = "null";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary><c>seq|area|building|entrance|room|name|items|note|flags</c>, trailing empty fields left off.</summary>
    public static string FormatEntry(ChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var flags = new List<string>(4);
        if (entry.Status == EntryStatus.Cancelled) flags.Add("cancelled");
        if (entry.IsCorrection) flags.Add("correction");
        if (entry.OnBehalf) flags.Add("behalf");
        if (entry.Phone is not null) flags.Add("phone");
        string[] fields =
        [
            entry.Seq?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            entry.Address.Area ?? string.Empty,
            entry.Address.Building ?? string.Empty,
            entry.Address.Entrance ?? string.Empty,
            entry.Address.Room ?? string.Empty,
            entry.Name ?? string.Empty,
            FormatItems(entry.Items),
            entry.Note ?? string.Empty,
            string.Join(',', flags),
        ];
        return JoinFields(fields);
    }

    /// <summary><c>! reason | line</c>, the line trimmed as the parser reports it.</summary>
    public static string FormatUnread(UnreadLine unread)
    {
        ArgumentNullException.ThrowIfNull(unread);
        return $"! {unread.Reason} | {OneLine(unread.Line.Trim())}";
    }

    /// <summary><c>item=quantity unit</c> joined by ';' in the order given: <c>鸡蛋=2盒;牛奶=1箱</c>.</summary>
    public static string FormatItems(IEnumerable<ItemQuantity> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return string.Join(';', items.Select(i => $"{i.Item}={FormatNumber(i.Quantity)}{i.Unit}"));
    }

    /// <summary>A quantity or amount in invariant culture with no trailing zeros: 2, 0.5, 3.5, 1.25.</summary>
    public static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary><c>name|unit|price|spec|code</c>, trailing empty fields left off.</summary>
    public static string FormatCatalogueItem(CatalogueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return JoinFields(
        [
            item.Name,
            item.Unit,
            item.Price is decimal p ? FormatNumber(p) : string.Empty,
            item.Spec ?? string.Empty,
            item.Code ?? string.Empty,
        ]);
    }

    /// <summary>
    /// The lines of one header fact, <c>key: value</c>: one line for a scalar, one <c>catalogue:</c> line per item.
    /// </summary>
    public static IEnumerable<string> FormatFact(ChainPost post, string key)
    {
        ArgumentNullException.ThrowIfNull(post);
        var header = post.Header;
        switch (key)
        {
            case "catalogue":
                foreach (var item in header.Catalogue.IsDefault ? [] : header.Catalogue)
                    yield return "catalogue: " + FormatCatalogueItem(item);
                break;
            case "title":
                yield return "title: " + OrNull(header.Title?.Trim());
                break;
            case "kind":
                yield return "kind: " + (post.Kind == ChainKind.Order ? "order" : "roster");
                break;
            case "deadline":
                // The instant matters, not the offset the parser chose: show it in Shanghai time as the spec writes it.
                yield return "deadline: " + (header.Deadline is DateTimeOffset d
                    ? d.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                    : Null);
                break;
            case "minimum":
                yield return "minimum: " + (header.Minimum?.ToString(CultureInfo.InvariantCulture) ?? Null);
                break;
            case "pickup":
                yield return "pickup: " + OrNull(header.Pickup?.Trim());
                break;
            case "example":
                yield return "example: " + OrNull(ExampleText(header.Example));
                break;
            default:
                throw new ArgumentException($"Unknown header fact '{key}'.", nameof(key));
        }
    }

    /// <summary>
    /// The example line's text after its marker. The model does not say whether the parser keeps the marker
    /// (<c>例：</c>, <c>例 </c>, <c>格式：</c>), so it is taken off here if present.
    /// </summary>
    public static string? ExampleText(string? example)
    {
        if (example is null)
            return null;
        string text = ChainBot.Core.Text.TextNormalizer.Normalize(example).Trim();
        foreach (string marker in (ReadOnlySpan<string>)["例如:", "例如：", "例:", "例：", "格式:", "格式：", "例 "])
        {
            if (text.StartsWith(marker, StringComparison.Ordinal))
                return text[marker.Length..].Trim();
        }
        return text;
    }

    /// <summary>
    /// The tally rows: <c>= building|households|items|amount</c> per building in the tally's order (building is
    /// <c>area/building</c> with an area, <c>-</c> with none), then <c>= total|households|items|amount</c>.
    /// </summary>
    public static IEnumerable<string> FormatTally(ChainTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        foreach (var row in tally.Buildings)
            yield return $"= {BuildingKey(row.Area, row.Building)}|{Count(row.Households)}|{FormatItems(row.Items)}|{FormatNumber(row.Amount)}";
        var total = tally.Total;
        yield return $"= total|{Count(total.Households)}|{FormatItems(total.Items)}|{FormatNumber(total.Amount)}";
    }

    /// <summary><c>12</c>, <c>一区/12</c>; <c>-</c> (or <c>一区/-</c>) when the building is not known.</summary>
    public static string BuildingKey(string? area, string? building)
    {
        string b = building ?? "-";
        return area is null ? b : area + "/" + b;
    }

    /// <summary>Joins fields with '|' and leaves off trailing empty ones (the spec files may omit them).</summary>
    public static string JoinFields(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        int n = fields.Count;
        while (n > 0 && fields[n - 1].Length == 0)
            n--;
        return string.Join('|', fields.Take(n).Select(OneLine));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string OrNull(string? value) => value is null ? Null : OneLine(value);

    // A compact line is one line: a newline inside a value (a multi-line entry, a note) is written \n.
    private static string OneLine(string value) =>
        value.Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);
}
