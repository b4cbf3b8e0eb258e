using ChainBot.Core.Chains;
using ChainBot.Core.Segmentation;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// Reads the text of one entry (after its sequence number) into a <see cref="ChainEntry"/>, or says why it cannot.
/// Scanners run in a fixed order over normalized text, each marking what it took so later ones skip it:
/// phone numbers, brackets (notes, （代）), markers (取消, 改, 代登记), the address, specs (250ml*24), then items,
/// quantities and words. What is left names the household and makes the note.
/// </summary>
/// <remarks>One per post, or per part of one read in parallel (it pools the strings it reads); not thread-safe.</remarks>
internal sealed partial class EntryReader
{
    private readonly CatalogueIndex _catalogue;

    private readonly bool _roster;

    private readonly StringPool _pool = new();

    private readonly EntryTokens _tokens = new();

    // What the scanners took of the entry being read, and the names they were kept from: buffers kept from entry
    // to entry. Without a stackalloc, Read is compiled in tiers, with the profile the runtime gathers.
    private bool[] _consumed = new bool[256];
    private readonly Range[] _protectedNames = new Range[4];

    private readonly Lexicon _lexicon;

    // The item arrays last made, shared by the entries ordering the same (Combination).
    private readonly ItemQuantity[]?[] _combinations = new ItemQuantity[]?[256];

    private readonly bool _householdRequired;

    private readonly ItemScratch _itemScratch;

    /// <param name="catalogue">What the chain sells.</param>
    /// <param name="dictionary">The words names and goods are told apart with.</param>
    /// <param name="householdRequired">
    /// False for a reply to a chain (改成2份), whose household the reader of the reply knows from its sender.
    /// </param>
    public EntryReader(CatalogueIndex catalogue, WordDictionary dictionary, bool householdRequired = true)
        : this(catalogue, new Lexicon(dictionary, catalogue.Items), householdRequired)
    {
    }

    /// <summary>A reader sharing another's catalogue and lexicon (both thread-safe): one for each part of a post.</summary>
    public EntryReader(CatalogueIndex catalogue, Lexicon lexicon, bool householdRequired = true)
    {
        _catalogue = catalogue;
        _itemScratch = new ItemScratch(catalogue.Count);
        _roster = catalogue.IsEmpty;
        _lexicon = lexicon;
        _householdRequired = householdRequired;
    }

    /// <summary>The chain's catalogue, indexed; immutable.</summary>
    public CatalogueIndex Catalogue => _catalogue;

    /// <summary>The words of the dictionary and the catalogue; thread-safe.</summary>
    public Lexicon Lexicon => _lexicon;

    /// <summary>True when the chain has no catalogue: entries need no quantity.</summary>
    public bool IsRoster => _roster;

    /// <summary>Reads normalized entry text <paramref name="s"/>.</summary>
    /// <param name="s">The entry's text after its number, normalized.</param>
    /// <param name="seq">Its sequence number.</param>
    /// <param name="line">The line as posted, for <see cref="ChainEntry.Line"/> (phone numbers are masked here).</param>
    /// <param name="lineNumber">1-based line number.</param>
    public EntryRead Read(ReadOnlySpan<char> s, int? seq, string line, int lineNumber)
    {
        if (_consumed.Length < s.Length)
            _consumed = new bool[Math.Max(s.Length, _consumed.Length * 2)];
        var consumed = _consumed.AsSpan(0, s.Length);
        consumed.Clear();
        var facts = new EntryFacts { CancelAt = -1, HelpAt = -1 };

        // Most lines have no phone, bracket or marker: one pass over the characters says which scanners to skip.
        byte kinds = CharKinds.Union(s, out int digits);
        if (MayHoldPhone(kinds, digits))
            ReadPhones(s, consumed, ref facts);
        if ((kinds & CharKinds.Opener) != 0)
            ReadBrackets(s, consumed, ref facts);
        if ((kinds & CharKinds.MarkerStart) != 0)
            ReadMarkers(s, consumed, ref facts);
        Address address = default;
        // 2号套餐 is an item, not building 2: names with digits are kept from the address scanner.
        Span<Range> protectedNames = _protectedNames;
        int protectedCount = _catalogue.ProtectNumberedNames(s, consumed, protectedNames);
        if (AddressScanner.TryFind(s, consumed, _pool, out var match))
        {
            address = match.Address;
            consumed[match.Start..match.End].Fill(true);
            TakeLabel(s, consumed, match.Start);
            if (facts.HelpAt >= 0 && facts.HelpAt < match.Start)
                consumed[facts.HelpAt..match.Start].Fill(true); // 帮邻居5-102王奶奶接龙: 邻居 is the helper's word
        }
        foreach (var range in protectedNames[..protectedCount])
            consumed[range].Clear();
        if ((kinds & CharKinds.Star) != 0)
            TakeSpecs(s, consumed, ref facts);

        _tokens.Clear();
        Tokenize(s, consumed, _tokens);
        // From here on tokens are read and marked in place, not copied in and out of the list.
        var tokenSpan = _tokens.AsSpan();

        int nameToken = FindNameToken(tokenSpan);
        string? name = null;
        if (nameToken >= 0)
            name = ReadName(s, consumed, tokenSpan, nameToken, _pool, _roster ? _lexicon : null);

        var items = _roster ? RosterItems(s, consumed, tokenSpan, nameToken, ref facts) : OrderItems(s, tokenSpan, ref facts);
        CollectNotes(s, consumed, tokenSpan, keepQuantities: _roster, ref facts);

        if (address.IsEmpty && name is null && _householdRequired)
            return EntryRead.Unread(UnreadReasons.NoHousehold);

        var status = facts.Cancelled ? EntryStatus.Cancelled : EntryStatus.Active;
        if (!_roster && status == EntryStatus.Active)
        {
            if (facts.ZeroQuantity && items.IsEmpty)
                status = EntryStatus.Cancelled;
            else if (items.IsEmpty)
                return EntryRead.Unread(facts.UnitMismatch ? UnreadReasons.UnitMismatch
                    : facts.ItemNotInCatalogue ? UnreadReasons.ItemNotInCatalogue
                    : facts.ItemNotNamed ? UnreadReasons.ItemNotNamed
                    : UnreadReasons.NoQuantity);
        }

        return EntryRead.Read(new ChainEntry
        {
            Seq = seq,
            Address = address,
            Name = name,
            Items = items,
            Note = facts.Note,
            Status = status,
            IsCorrection = facts.Correction,
            OnBehalf = facts.OnBehalf,
            Phone = facts.Phone,
            // The line is echoed in replies and exports: a phone number in it is masked there too. The phone scanner
            // read the normalized text (full-width digits, invisible characters seen through), and a line cannot
            // hide one in its sequence number (SequenceNumbers refuses a phone number there).
            Line = facts.Phone is null ? line : PhoneNumbers.MaskAll(line),
            LineNumber = lineNumber,
        });
    }

    /// <summary>
    /// A phone number takes eleven digits, or seven when its middle four are starred (138****5678): most lines,
    /// with an address and a quantity or two, have fewer and are not scanned for one.
    /// </summary>
    private static bool MayHoldPhone(byte kinds, int digits) =>
        (kinds & CharKinds.One) != 0
        && (digits >= PhoneNumbers.Length || (digits >= PhoneNumbers.MinDigits && (kinds & CharKinds.Star) != 0));

    private static bool IsFree(ReadOnlySpan<bool> consumed, int start, int end) => !consumed[start..end].Contains(true);

    private static bool HasWordChar(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (CharKinds.IsWordChar(c))
                return true;
        }
        return false;
    }

    private static void MarkUsed(Span<EntryToken> tokens, int t) => tokens[t].Used = true;

    /// <summary>The characters of s[start..end] that no scanner took, trimmed of separators.</summary>
    private static string FreeText(ReadOnlySpan<char> s, ReadOnlySpan<bool> consumed, int start, int end, StringPool? pool = null)
    {
        // Mostly a word no scanner touched, with nothing to trim (王阿姨): taken as it stands, without a copy.
        if (end > start && !consumed[start..end].Contains(true) && !CharKinds.IsSeparator(s[start]) && !CharKinds.IsSeparator(s[end - 1]))
            return pool?.Get(s[start..end]) ?? s[start..end].ToString();
        Span<char> buffer = end - start <= 256 ? stackalloc char[end - start] : new char[end - start];
        int n = 0;
        for (int i = start; i < end; i++)
        {
            if (!consumed[i])
                buffer[n++] = s[i];
        }
        var text = buffer[..n];
        int a = 0, b = text.Length;
        while (a < b && CharKinds.IsSeparator(text[a]))
            a++;
        while (b > a && CharKinds.IsSeparator(text[b - 1]))
            b--;
        return pool?.Get(text[a..b]) ?? text[a..b].ToString();
    }
}
