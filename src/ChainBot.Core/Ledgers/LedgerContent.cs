using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Ledgers;

/// <summary>What a roster line registered, as one short text: its items, then its note (氨氯地平 2盒；医保卡已交).</summary>
public static class LedgerContent
{
    /// <summary>The items (<c>氨氯地平 2盒，硝苯地平 1盒</c>) and the note after them, phone numbers masked; empty when the line has neither.</summary>
    public static string Of(ChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string items = string.Join("，", entry.Items.Select(static item =>
            $"{item.Item} {item.Quantity.ToString("0.###", CultureInfo.InvariantCulture)}{item.Unit}"));
        string note = entry.Note is null ? string.Empty : PhoneNumbers.MaskAll(entry.Note);
        return items.Length == 0 ? note : note.Length == 0 ? items : items + "；" + note;
    }
}
