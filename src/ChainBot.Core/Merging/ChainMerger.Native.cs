using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Messages;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>
    /// A native 接龙 (wechat-protocol.md §5): its structured data names each entry's author and time, so it decides
    /// ownership and identity. Only an author can edit their entry there, so an entry is known by its author and
    /// its place among their entries ("wxid#0"), and a change to it is always its owner's.
    /// </summary>
    private GroupState Native(GroupState state, Turn turn, Solitaire solitaire)
    {
        var message = turn.Message;
        var post = _parser.Parse(message.Text, message.Time);
        var parts = new List<(SolitaireItem Item, string Text)>();
        foreach (var item in solitaire.Items)
        {
            if (item.TryGetRange(message.Text.Length, out int start, out int length))
                parts.Add((item, message.Text.Substring(start, length)));
        }
        var keys = parts.Select(part => LineKeys.Of(part.Text)).ToArray();
        var chain = FindChain(state, post, keys, message.Time);
        if (chain is null)
        {
            chain = new ChainState { Number = state.Chains.Count + 1, Header = post.Header, OpenedBy = turn.By, IsNative = true };
            state = state with { Chains = state.Chains.Add(chain) };
            turn.Events.Add(new ChainOpened(message.MsgId, chain.Number));
        }

        var edit = new ChainEdit(chain);
        var carried = new EntrySet(edit.Count + parts.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < parts.Count; i++)
        {
            var (item, text) = parts[i];
            string author = item.UserId ?? message.SenderId;
            seen[author] = seen.TryGetValue(author, out int k) ? k + 1 : 0;
            string authorKey = author + "#" + seen[author].ToString(CultureInfo.InvariantCulture);
            var by = new Provenance(message.MsgId, author, author == message.SenderId ? message.SenderName : null, item.Time ?? message.Time);

            var read = _parser.ParseReply(text, edit.Header);
            KeepUnread(edit, read.Unread, turn);
            if (read.Entries.IsEmpty)
                continue;
            var entry = read.Entries[0] with { Seq = i + 1, Line = read.Entries[0].Line == text ? text : read.Entries[0].Line };
            if (edit.TryFindAuthor(authorKey, out int id))
            {
                carried.Add(id);
                if (LineKeys.Of(edit[id].Entry.Line) != keys[i])
                {
                    // The author edited their entry: theirs to change, whatever the merger's roles say.
                    edit.KnowLine(keys[i], id);
                    MakeChange(edit, edit[id], entry, by, by.Time);
                    turn.Events.Add(new EntryChanged(message.MsgId, edit.Original.Number, id));
                }
                continue;
            }
            int added = edit.Add(entry, keys[i], entry.OnBehalf ? null : author, by, turn.Ordinal, late: !edit.IsOpenAt(by.Time));
            edit.KnowAuthor(authorKey, added);
            carried.Add(added);
            turn.Events.Add(new EntryAdded(message.MsgId, edit.Original.Number, added));
        }
        KeepUnread(edit, post.Unread, turn);
        // WeChat keeps a native 接龙 whole: an entry missing from its latest version was deleted there.
        var all = new EntrySet(edit.Count);
        for (int id = 1; id <= edit.Count; id++)
            all.Add(id);
        edit.EverCarried = all.ToImmutable();
        edit.Latest = new LatestCopy(message.MsgId, carried.ToImmutable(), turn.Ordinal);
        return Put(state, edit);
    }
}
