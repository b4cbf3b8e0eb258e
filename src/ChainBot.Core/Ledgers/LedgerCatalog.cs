using System.Collections.Immutable;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// The table of ledgers (台账) a compound keeps, and which one a chain feeds, read from the chain's title: a small
/// table the defaults fill (配药, 行动不便, 外出, 燃气充值) and settings extend with <see cref="With(string, string[])"/>.
/// </summary>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record LedgerCatalog
{
    /// <summary>The ledgers compounds keep everywhere (issue 8): medicine runs, residents who cannot get about, residents away, gas top-ups.</summary>
    public static LedgerCatalog Default { get; } = new(
    [
        LedgerDefinition.Of("配药", "代配药", "配药登记"),
        LedgerDefinition.Of("行动不便", "行动不便人员", "老弱病残"),
        LedgerDefinition.Of("外出", "外出人员", "不在小区"),
        LedgerDefinition.Of("燃气充值", "燃气", "煤气"),
    ]);

    private LedgerCatalog(ImmutableArray<LedgerDefinition> definitions) => Definitions = definitions;

    /// <summary>The ledgers, in the order answers and exports list them.</summary>
    public ImmutableArray<LedgerDefinition> Definitions { get; }

    /// <summary>
    /// This table with one more ledger (from settings: <c>核酸志愿者</c>), or with more words for one it has; the
    /// new words come after the old.
    /// </summary>
    public LedgerCatalog With(string name, params string[] words)
    {
        var added = LedgerDefinition.Of(name, words);
        for (int i = 0; i < Definitions.Length; i++)
        {
            if (Definitions[i].Name == added.Name)
                return new LedgerCatalog(Definitions.SetItem(i, LedgerDefinition.Of(added.Name, [.. Definitions[i].Words, .. added.Words])));
        }
        return new LedgerCatalog(Definitions.Add(added));
    }

    /// <summary>
    /// This table with the ledgers of settings added (<c>"核酸志愿者": ["核酸志愿", "大白报名"]</c>), in their order;
    /// an entry whose name is blank is no ledger and is passed over.
    /// </summary>
    public LedgerCatalog With(IEnumerable<KeyValuePair<string, List<string>>>? ledgers)
    {
        var catalog = this;
        foreach (var (name, words) in ledgers ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name))
                catalog = catalog.With(name, [.. words ?? []]);
        }
        return catalog;
    }

    /// <summary>The ledger named <paramref name="name"/> (or one of its words: <c>台账 外出人员</c>), or null.</summary>
    public LedgerDefinition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        return Definitions.FirstOrDefault(d => d.Name == name)
            ?? Definitions.FirstOrDefault(d => d.Words.Contains(name, StringComparer.Ordinal));
    }

    /// <summary>
    /// The ledger a chain titled <paramref name="title"/> feeds, or null: the one whose word in the title is the
    /// longest (a title with 燃气 and 配药… is rare; the longer word is the more specific), the table's order breaking ties.
    /// </summary>
    public LedgerDefinition? Of(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
            return null;
        LedgerDefinition? best = null;
        int longest = 0;
        foreach (var definition in Definitions)
        {
            foreach (string word in definition.Words)
            {
                if (word.Length > longest && title.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    best = definition;
                    longest = word.Length;
                }
            }
        }
        return best;
    }
}
