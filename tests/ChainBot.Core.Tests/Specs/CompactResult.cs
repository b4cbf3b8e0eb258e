using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// Compact lines grouped by kind (header facts, entries, unread lines, tally rows), in the order they were given
/// within each kind. An expected block is read into one; the parser's post is then written into one of the same
/// shape (<see cref="Of"/>) so the two compare as text.
/// </summary>
/// <remarks>
/// Every line is folded with <see cref="TextNormalizer"/> before it is compared, so the spec does not fix whether the
/// parser hands names, notes and titles back as written or folded (２→2, 號→号, （→(); canonical fields (building,
/// room, quantities, units) are digits and measure words either way.
/// </remarks>
public sealed class CompactResult
{
    /// <summary>Marks a catalogue field whose value is not compared (spec text is fuzzy).</summary>
    public const string Any = "*";

    // Field counts of the compact lines: a miscounted '|' in a spec file is an authoring mistake, caught here.
    private const int EntryFields = 9;
    private const int CatalogueFields = 5;
    private const int TallyFields = 4;

    private readonly Dictionary<string, List<string>> _facts = new(StringComparer.Ordinal);

    /// <summary>Entry lines, trailing empty fields left off.</summary>
    public List<string> Entries { get; } = [];

    /// <summary><c>! reason | line</c> lines.</summary>
    public List<string> Unread { get; } = [];

    /// <summary><c>= building|households|items|amount</c> lines; compared only when the expected block has any.</summary>
    public List<string> Tally { get; } = [];

    /// <summary>The header facts named, key → its lines (several for <c>catalogue</c>).</summary>
    public IReadOnlyDictionary<string, List<string>> Facts => _facts;

    /// <summary>Groups expected lines by kind; throws <see cref="FormatException"/> on a line of no known kind.</summary>
    public static CompactResult Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new CompactResult();
        foreach (string raw in lines)
        {
            string line = TextNormalizer.Normalize(raw.Trim());
            if (line.Length == 0)
                continue;
            if (line.StartsWith('='))
            {
                string row = line[1..].Trim();
                Require(row.Split('|').Length == TallyFields, line, $"a tally row has {TallyFields} fields");
                result.Tally.Add("= " + row);
            }
            else if (line.StartsWith('!'))
            {
                result.Unread.Add(NormalizeUnread(line));
            }
            else if (TryFact(line, out string key, out string value))
            {
                if (key != "catalogue" && result._facts.ContainsKey(key))
                    throw new FormatException($"Header fact '{key}' given twice.");
                if (key == "catalogue")
                {
                    string[] fields = value.Split('|');
                    Require(fields.Length <= CatalogueFields, line, $"a catalogue line has at most {CatalogueFields} fields");
                    value = PostFormatter.JoinFields(fields);
                }
                result.AddFact(key, $"{key}: {value}");
            }
            else
            {
                string[] fields = line.Split('|');
                Require(fields.Length <= EntryFields, line, $"an entry line has at most {EntryFields} fields");
                result.Entries.Add(PostFormatter.JoinFields(fields));
            }
        }
        return result;
    }

    /// <summary>
    /// Writes <paramref name="post"/> in the shape of <paramref name="expected"/>: the header facts it names, the
    /// entries (when <paramref name="includeEntries"/>), every unread line, and the tally when it has tally rows.
    /// </summary>
    public static CompactResult Of(ChainPost post, CompactResult expected, bool includeEntries = true)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(expected);
        var actual = new CompactResult();
        foreach (string key in PostFormatter.FactKeys)
        {
            if (!expected._facts.TryGetValue(key, out var wanted))
                continue;
            var lines = PostFormatter.FormatFact(post, key).Select(TextNormalizer.Normalize).ToList();
            if (key == "catalogue")
                lines = MaskAny(lines, wanted);
            foreach (string line in lines)
                actual.AddFact(key, line);
            if (lines.Count == 0)
                actual._facts[key] = []; // named but empty: shows as missing lines
        }
        if (includeEntries)
            actual.Entries.AddRange(post.Entries.Select(e => TextNormalizer.Normalize(PostFormatter.FormatEntry(e))));
        actual.Unread.AddRange(post.Unread.Select(u => NormalizeUnread(TextNormalizer.Normalize(PostFormatter.FormatUnread(u)))));
        if (expected.Tally.Count > 0)
            actual.Tally.AddRange(PostFormatter.FormatTally(ChainTally.Compute(post)).Select(TextNormalizer.Normalize));
        return actual;
    }

    /// <summary>All lines, kind by kind: header facts in <see cref="PostFormatter.FactKeys"/> order, entries, unread, tally.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (string key in PostFormatter.FactKeys)
        {
            if (_facts.TryGetValue(key, out var lines))
                foreach (string line in lines)
                    yield return line;
        }
        foreach (string line in Entries.Concat(Unread).Concat(Tally))
            yield return line;
    }

    /// <summary>The lines joined by '\n': what is compared.</summary>
    public string ToText() => string.Join('\n', Lines());

    /// <inheritdoc />
    public override string ToString() => ToText();

    private static void Require(bool condition, string line, string rule)
    {
        if (!condition)
            throw new FormatException($"'{line}': {rule}.");
    }

    private void AddFact(string key, string line)
    {
        if (!_facts.TryGetValue(key, out var lines))
            _facts.Add(key, lines = []);
        lines.Add(line);
    }

    private static bool TryFact(string line, out string key, out string value)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        key = colon > 0 ? line[..colon].Trim() : string.Empty;
        value = colon > 0 ? line[(colon + 1)..].Trim() : string.Empty;
        return colon > 0 && Array.IndexOf(PostFormatter.FactKeys, key) >= 0;
    }

    // "! reason | line" with the spacing around the bar made regular.
    private static string NormalizeUnread(string line)
    {
        string body = line.TrimStart('!').Trim();
        int bar = body.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? "! " + body : $"! {body[..bar].Trim()} | {body[(bar + 1)..].Trim()}";
    }

    // A '*' field in an expected catalogue line matches anything: copy it into the actual line at the same place.
    private static List<string> MaskAny(List<string> actual, List<string> expected)
    {
        var masked = new List<string>(actual.Count);
        for (int i = 0; i < actual.Count; i++)
        {
            if (i >= expected.Count || !expected[i].Contains(Any, StringComparison.Ordinal))
            {
                masked.Add(actual[i]);
                continue;
            }
            string[] want = expected[i]["catalogue:".Length..].Trim().Split('|');
            var have = actual[i]["catalogue:".Length..].Trim().Split('|').ToList();
            while (have.Count < want.Length)
                have.Add(string.Empty);
            for (int f = 0; f < want.Length; f++)
            {
                if (want[f] == Any)
                    have[f] = Any;
            }
            masked.Add("catalogue: " + PostFormatter.JoinFields(have));
        }
        return masked;
    }
}
