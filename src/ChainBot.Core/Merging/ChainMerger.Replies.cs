using System.Collections.Immutable;
using System.Buffers;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;
using ChainBot.Core.Parsing.Entries;
using ChainBot.Core.Parsing;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>
    /// A message that is no chain post: a reply to an open chain (15-502 李 2份, 12-301 取消, 我的改成2份, a volunteer's
    /// 代登记： block), or chatter. With several chains open, the reply goes to the one whose items it names; if that
    /// leaves more than one, it is reported, not guessed.
    /// </summary>
    private GroupState Reply(GroupState state, Turn turn)
    {
        string text = WithoutMentions(turn.Message.Text.Trim());
        if (text.Length == 0 || text.AsSpan().ContainsAny(QuestionMarks))
            return Ignore(state, turn, "chatter");
        bool self = TryStripSelf(ref text);

        var open = state.Chains.Where(chain => chain.IsOpenAt(turn.Message.Time)).ToList();
        if (open.Count == 0)
        {
            // After every deadline a resident's line still counts for something: kept late in the latest chain.
            if (state.Chains.IsEmpty)
                return Ignore(state, turn, "chatter");
            open.Add(state.Chains.MaxBy(EndedAt)!);
        }

        var fits = new List<(ChainState Chain, ChainPost Reply)>();
        foreach (var chain in open)
        {
            var reply = _parser.ParseReply(text, chain.Header);
            if (IsReplyTo(chain, reply, self))
                fits.Add((chain, reply));
        }
        if (fits.Count > 0 && fits.All(static fit => fit.Chain.Kind != ChainKind.Order))
            fits = LateForOrder(state, turn.Message.Time, text, self) ?? fits;
        if (fits.Count == 0)
            return open.Count == 1 ? Misread(state, turn, open[0], text) : Ignore(state, turn, "chatter");
        // Several chains could take it: an order whose catalogue its items come from (①1 蔬菜套餐1份, not a 配药
        // roster open beside it, which would take any line), else the one that holds its household's line (or, for
        // 我的…, the sender's), else the one whose items it names (砂糖橘1箱), else whose unit it writes (2份).
        if (fits.Count > 1)
            fits = Narrow(fits, fit => OrdersFromCatalogue(fit.Chain, fit.Reply));
        if (fits.Count > 1)
            fits = Narrow(fits, fit => HoldsLinesOf(fit.Chain, fit.Reply, turn.Message.SenderId));
        if (fits.Count > 1)
            fits = Narrow(fits, fit => NamesItemOf(text, fit.Chain.Header));
        if (fits.Count > 1)
            fits = Narrow(fits, fit => WritesUnitOf(text, fit.Chain.Header));
        if (fits.Count > 1)
            return Report(state, turn, ReportReasons.AmbiguousChain);

        var (target, lines) = fits[0];
        var edit = new ChainEdit(target);
        var carried = new EntrySet(edit.Count + lines.Entries.Length);
        foreach (var entry in lines.Entries)
        {
            if (NamesHousehold(target, entry))
            {
                string key = LineKeys.Of(entry.Line);
                if (edit.TryFindLine(key, out int known))
                    carried.Add(known); // the line as it already stands: nothing to do
                else
                    carried.Add(MergeLine(edit, entry, key, turn, LineSource.Reply, carried));
                continue;
            }
            // 改成2份, 王 取消, 我的改成2份: the sender's own line, if they have exactly one.
            var own = edit.Original.Entries.Where(e => e.Owner == turn.Message.SenderId && e.Entry.Status == EntryStatus.Active).ToList();
            if (own.Count != 1)
                return Report(state, turn, ReportReasons.WhoseLine);
            Change(edit, own[0].Id, entry, LineKeys.Of(entry.Line), turn);
        }
        KeepUnread(edit, lines.Unread, turn);
        return Put(state, edit);
    }

    /// <summary>
    /// Whether a message read against a chain is a reply to it: at least one entry, every line read, and each entry
    /// orders something, changes or cancels (a roster's: names a building), or is the sender's own (我的…).
    /// </summary>
    private static bool IsReplyTo(ChainState chain, ChainPost reply, bool self)
    {
        if (reply.Entries.IsEmpty || !reply.Unread.IsEmpty)
            return false;
        foreach (var entry in reply.Entries)
        {
            bool household = NamesHousehold(chain, entry);
            bool instruction = entry.IsCorrection || entry.Status == EntryStatus.Cancelled;
            bool says = chain.Kind == ChainKind.Order ? !entry.Items.IsEmpty || instruction : household || instruction;
            if (!says || (!household && !self && !instruction))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A message that is no reply the merger can use: chatter, unless it is a line for the one open chain that could
    /// not be read (12-301 王阿姨 2斤 in a chain sold by the 份) — then the sender is told which line and why.
    /// </summary>
    private GroupState Misread(GroupState state, Turn turn, ChainState chain, string text)
    {
        // Read strictly, as lines of a copy: only a line that starts with an address is taken for an entry.
        var strict = _parser.ParseUnder(text, chain.Header);
        var misread = strict.Unread.Where(line => line.Reason is not (UnreadReasons.NotAnEntry or UnreadReasons.NoHousehold) && NamesRoom(line.Line)).ToImmutableArray();
        if (!strict.Entries.IsEmpty || misread.IsEmpty)
            return Ignore(state, turn, "chatter");
        var edit = new ChainEdit(chain);
        KeepUnread(edit, misread, turn);
        return Put(state, edit);
    }

    /// <summary>A line that starts with an address with a room (15-502 …): a resident's line, not a notice to a building.</summary>
    private static bool NamesRoom(string line)
    {
        var text = TextNormalizer.Normalize(line).AsSpan().Trim(' ');
        if (SequenceNumbers.TryRead(text, out _, out int bodyStart))
            text = text[bodyStart..].TrimStart(' ');
        Span<bool> consumed = text.Length <= 512 ? stackalloc bool[text.Length] : new bool[text.Length];
        return AddressScanner.TryFind(text, consumed, null, out var match) && match.Start <= 1 && match.Address.Room is not null;
    }

    /// <summary>
    /// Whether a reply's entry says whose line it is: a room (15-502, 3号楼201), or a name in a chain of names (an office
    /// lunch, a crew). A building alone is how notices speak (西瓜已到南门，7号楼的先来拿), a name alone how talk does
    /// (王老师说 2份也行); 王 取消 is the sender's own line.
    /// </summary>
    private static bool NamesHousehold(ChainState chain, ChainEntry entry) =>
        entry.Address.Room is not null
        || (entry.Name is not null && !chain.Entries.IsEmpty && chain.Entries.All(e => e.Entry.Address.IsEmpty));

    /// <summary>True when the chain holds a line of a household the reply names, or for a reply naming none, the sender's.</summary>
    private static bool HoldsLinesOf(ChainState chain, ChainPost reply, string sender) =>
        reply.Entries.All(entry => NamesHousehold(chain, entry)
            ? chain.Index.Households.ContainsKey(entry.Household)
            : chain.Entries.Any(e => e.Owner == sender));

    /// <summary>
    /// A reply only rosters took (a roster takes any household's line) that orders from the catalogue of an order
    /// which ended lately: a late line for that order (12-301 蔬菜套餐1份 five minutes after 截止), not a registration on
    /// the 配药 roster still open beside it. Null when no such order reads it so.
    /// </summary>
    private List<(ChainState Chain, ChainPost Reply)>? LateForOrder(GroupState state, DateTimeOffset time, string text, bool self)
    {
        for (int i = state.Chains.Count - 1; i >= 0; i--)
        {
            var chain = state.Chains[i];
            if (chain.Kind != ChainKind.Order || chain.IsOpenAt(time) || time - EndedAt(chain) > RecentDeadline)
                continue;
            var reply = _parser.ParseReply(text, chain.Header);
            if (IsReplyTo(chain, reply, self) && OrdersFromCatalogue(chain, reply))
                return [(chain, reply)];
        }
        return null;
    }

    /// <summary>True when <paramref name="chain"/> sells from a catalogue and every entry of the reply orders from it.</summary>
    private static bool OrdersFromCatalogue(ChainState chain, ChainPost reply) =>
        chain.Kind == ChainKind.Order && reply.Entries.All(static entry => !entry.Items.IsEmpty);

    /// <summary>When a chain stopped taking lines: closed, or its deadline; for one with neither, when it opened.</summary>
    private static DateTimeOffset EndedAt(ChainState chain) => chain.ClosedBy?.Time ?? chain.Header.Deadline ?? chain.OpenedBy.Time;

    /// <summary>The fits that pass <paramref name="test"/>, if any do; else all of them.</summary>
    private static List<(ChainState Chain, ChainPost Reply)> Narrow(List<(ChainState Chain, ChainPost Reply)> fits, Func<(ChainState Chain, ChainPost Reply), bool> test)
    {
        var passing = fits.Where(test).ToList();
        return passing.Count > 0 ? passing : fits;
    }

    /// <summary>True when <paramref name="text"/> names an item of the chain's catalogue.</summary>
    private static bool NamesItemOf(string text, ChainHeader header) =>
        header.Catalogue.Any(item => item.Name.Length > 0 && text.Contains(item.Name, StringComparison.Ordinal));

    /// <summary>True when <paramref name="text"/> writes the unit an item of the chain's catalogue is sold by.</summary>
    private static bool WritesUnitOf(string text, ChainHeader header) =>
        header.Catalogue.Any(item => item.Unit.Length > 0 && text.Contains(item.Unit, StringComparison.Ordinal));

    /// <summary>
    /// The text after any @-mentions it starts with (<c>@ChainBot 15-502 李 2份</c>): a mention ends at a space or at
    /// U+2005, which WeChat puts after it.
    /// </summary>
    private static string WithoutMentions(string text)
    {
        while (text.StartsWith('@'))
        {
            int end = text.AsSpan().IndexOfAny(' ', '\u2005', '\n');
            if (end < 0)
                return string.Empty;
            text = text[(end + 1)..].TrimStart();
        }
        return text;
    }

    /// <summary>我的改成2份, 我家不要了: the sender speaks of their own line, which the merger finds by its owner.</summary>
    private static bool TryStripSelf(ref string text)
    {
        foreach (string prefix in SelfPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                text = text[prefix.Length..].TrimStart(' ', '，', ',', '：', ':');
                return true;
            }
        }
        return false;
    }

    private static readonly string[] SelfPrefixes = ["我家的", "我家", "我的", "我们家", "我"];

    /// <summary>Questions are chatter, never lines: 3号楼的到了吗？, 12-301 还有吗.</summary>
    private static readonly SearchValues<char> QuestionMarks = SearchValues.Create("?？吗呢");
}
