using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Merging;

public sealed partial class ChainMerger
{
    /// <summary>Where a line that no known line matches by its text came from.</summary>
    private enum LineSource
    {
        /// <summary>A copy of the chain: a household's line missing from it and a new one for it is an edit in place.</summary>
        Copy,

        /// <summary>A reply: a resident's own line, a change, a cancellation, a volunteer's line for a neighbour.</summary>
        Reply,
    }

    /// <summary>
    /// Merges a line no version of any entry matches by its text: the same content typed differently, a change to
    /// its household's line, a cancellation, a second line from a household, or a new entry. Returns the entry's id.
    /// </summary>
    /// <remarks>
    /// <c>carried</c> holds the entries the message carried so far (in a copy, the lines found by their text): a
    /// household's line missing from a copy that carries a new line for it was edited in place.
    /// </remarks>
    private int MergeLine(ChainEdit edit, ChainEntry entry, string key, Turn turn, LineSource source, EntrySet carried)
    {
        var ids = edit.EntriesOf(entry.Household);
        foreach (int id in ids)
        {
            var known = edit[id];
            if (!SameOrder(known.Entry, entry))
                continue;
            // 12号301 王 两份 for 12-301 王 2份: the same order typed again, or with its remark lost or reworded
            // by a copier. Only its owner's new remark is taken.
            if (entry.Note is not null && entry.Note != known.Entry.Note && MayChange(edit, known, turn.Message.SenderId))
                Change(edit, id, entry, key, turn);
            else
                edit.KnowLine(key, id);
            return id;
        }

        bool instruction = entry.IsCorrection || entry.Status == EntryStatus.Cancelled;
        int target = 0;
        if (!ids.IsEmpty)
        {
            string sender = turn.Message.SenderId;
            if (source == LineSource.Copy && !instruction)
            {
                // The household's line is gone from the copy and a new one stands for it: edited in place.
                target = ids.FirstOrDefault(id => !carried.Contains(id));
            }
            else
            {
                // A reply, or a line that says it changes or cancels: the household's latest line the sender may
                // change; failing that, for a change or cancellation, its latest line (refused below).
                target = ids.LastOrDefault(id => MayChange(edit, edit[id], sender) && edit[id].Entry.Status == EntryStatus.Active);
                if (target == 0)
                    target = ids.LastOrDefault(id => MayChange(edit, edit[id], sender));
                if (target == 0 && instruction)
                    target = ids.LastOrDefault(id => edit[id].Entry.Status == EntryStatus.Active, ids[^1]);
            }
        }
        if (target != 0)
        {
            Change(edit, target, entry, key, turn);
            return target;
        }

        // A new household, or a second line from one (kept and flagged, never merged silently).
        bool late = !edit.IsOpenAt(turn.Message.Time);
        int added = edit.Add(entry, key, entry.OnBehalf ? null : turn.Message.SenderId, turn.By, turn.Ordinal, late);
        turn.Events.Add(new EntryAdded(turn.Message.MsgId, edit.Original.Number, added));
        return added;
    }

    /// <summary>
    /// Changes entry <paramref name="id"/> to <paramref name="entry"/> if the sender may (its owner, whoever added it,
    /// a coordinator or volunteer); otherwise the owner's version stands and the change is kept as a conflict.
    /// After the deadline an allowed change waits for a coordinator.
    /// </summary>
    private void Change(ChainEdit edit, int id, ChainEntry entry, string key, Turn turn)
    {
        var old = edit[id];
        edit.KnowLine(key, id);
        int chain = edit.Original.Number;
        if (!MayChange(edit, old, turn.Message.SenderId))
        {
            string reason = entry.Status == EntryStatus.Cancelled ? ConflictReasons.CancelledByOther : ConflictReasons.NotTheOwner;
            edit.AddConflict(new Conflict(id, turn.By, entry.Line, reason));
            edit.Replace(old with { Conflicted = true });
            turn.Events.Add(new ChangeRefused(turn.Message.MsgId, chain, id, reason));
            return;
        }
        MakeChange(edit, old, entry, turn.By, turn.Message.Time);
        turn.Events.Add(new EntryChanged(turn.Message.MsgId, chain, id));
    }

    /// <summary>
    /// Makes an allowed change: at once, or after the deadline (on a line that was on time) held as a late change
    /// for a coordinator to accept.
    /// </summary>
    private static void MakeChange(ChainEdit edit, MergedEntry old, ChainEntry entry, Provenance by, DateTimeOffset time)
    {
        var revised = Revise(old.Entry, entry);
        edit.Replace(!old.Late && !edit.IsOpenAt(time)
            ? old with { LateChange = revised, LateChangeBy = by }
            : old with { Entry = revised, Changed = by });
    }

    /// <summary>Whether <paramref name="sender"/> may change <paramref name="entry"/>.</summary>
    private bool MayChange(ChainEdit edit, MergedEntry entry, string sender) =>
        sender == entry.Owner
        || sender == entry.Added.SenderId
        || _roles.MayChangeAny(sender, edit.Original)
        // A line a volunteer added for a household belongs to it: its people may change it once they write their own.
        || (entry.Owner is null && edit.EntriesOf(entry.Entry.Household).Any(id => edit[id].Owner == sender));

    /// <summary>
    /// The entry after a change: a whole new line replaces the old one (keeping the address or name it leaves out);
    /// a correction (改2份) changes the items it names; a cancellation that names some of the items (A1 取消) drops
    /// those, and one that names all or none cancels the entry.
    /// </summary>
    private static ChainEntry Revise(ChainEntry old, ChainEntry change)
    {
        var items = change.Items;
        var status = change.Status;
        if (change.IsCorrection && status == EntryStatus.Active)
            items = Override(old.Items, change.Items);
        else if (status == EntryStatus.Cancelled)
        {
            var left = old.Items.RemoveAll(item => change.Items.Any(named => named.Item == item.Item));
            if (!change.Items.IsEmpty && !left.IsEmpty && left.Length < old.Items.Length)
            {
                items = left; // A1 取消 from A1 B2: B2 stands
                status = old.Status;
            }
            else
                items = old.Items; // kept for the record; a cancelled entry counts nowhere
        }
        return change with
        {
            Address = change.Address.IsEmpty ? old.Address : change.Address,
            Name = change.Name ?? old.Name,
            Items = items,
            Status = status,
            Note = change.Note ?? old.Note,
            Phone = change.Phone ?? old.Phone,
        };
    }

    private static ImmutableArray<ItemQuantity> Override(ImmutableArray<ItemQuantity> old, ImmutableArray<ItemQuantity> changes)
    {
        var items = old.ToBuilder();
        foreach (var change in changes)
        {
            int at = 0;
            while (at < items.Count && items[at].Item != change.Item)
                at++;
            if (at < items.Count)
                items[at] = change;
            else
                items.Add(change);
        }
        return items.DrainToImmutable();
    }

    /// <summary>Two lines that order the same for one household: same items and status, and no other name.</summary>
    private static bool SameOrder(ChainEntry a, ChainEntry b) =>
        a.Status == b.Status && (a.Name == b.Name || a.Name is null || b.Name is null) && a.Items.SequenceEqual(b.Items);

    /// <summary>
    /// Keeps a message's unread lines with the chain, each once however many copies repeat it, and tells the sender
    /// (once) about those that are new.
    /// </summary>
    private static void KeepUnread(ChainEdit edit, ImmutableArray<UnreadLine> unread, Turn turn)
    {
        var fresh = ImmutableArray.CreateBuilder<UnreadLine>();
        foreach (var line in unread)
        {
            var masked = line with { Line = PhoneNumbers.MaskAll(line.Line) };
            if (edit.AddUnread(masked))
                fresh.Add(masked);
        }
        if (fresh.Count > 0)
            turn.Events.Add(new LinesUnread(turn.Message.MsgId, edit.Original.Number, fresh.DrainToImmutable()));
    }
}
