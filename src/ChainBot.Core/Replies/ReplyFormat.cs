using System.Globalization;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;

namespace ChainBot.Core.Replies;

/// <summary>How the answers write money, quantities, addresses, times and titles: short, as people say them.</summary>
internal static class ReplyFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>¥68, ¥12.5, ¥12.35: yuan with at most two decimals.</summary>
    public static string Money(decimal amount) =>
        "¥" + Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", Invariant);

    /// <summary>2, 3.5, 0.25: a quantity without trailing zeros.</summary>
    public static string Number(decimal quantity) => quantity.ToString("0.###", Invariant);

    /// <summary>An integer, as digits.</summary>
    public static string Number(int count) => count.ToString(Invariant);

    /// <summary><c>蔬菜套餐 2份</c>, or <c>2份</c> where the chain sells one item and its name says nothing.</summary>
    public static string Quantity(ItemQuantity item, bool named) =>
        named ? $"{item.Item} {Number(item.Quantity)}{item.Unit}" : Number(item.Quantity) + item.Unit;

    /// <summary>Items one after the other: <c>猪肉 1份，鸡蛋 1盒</c>.</summary>
    public static string Items(IEnumerable<ItemQuantity> items, bool named) =>
        string.Join("，", items.Select(item => Quantity(item, named)));

    /// <summary>
    /// Whether quantities need their item's name: not in a chain of one item (<c>2份</c> says it all), always in a
    /// roster, where the item is whatever the household asked for.
    /// </summary>
    public static bool NamesItems(ChainState chain) => chain.Header.Catalogue.IsDefaultOrEmpty || chain.Header.Catalogue.Length > 1;

    /// <summary><c>12号楼</c>, <c>A3栋</c>, <c>一区3号楼</c>; <c>未写楼号</c> for lines that name none.</summary>
    public static string Building(string? area, string? building)
    {
        if (building is null)
            return (area ?? string.Empty) + "未写楼号";
        string suffix = building.All(char.IsAsciiDigit) ? "号楼" : "栋";
        return area + building + suffix;
    }

    /// <summary>
    /// <c>3号楼2单元601</c>, <c>12号楼3楼</c>, <c>1201室</c>: an address as people say it; empty when there is none.
    /// </summary>
    public static string Address(Address address)
    {
        if (address.IsEmpty)
            return string.Empty;
        var text = new StringBuilder();
        if (address.Building is not null)
            text.Append(Building(address.Area, address.Building));
        else
            text.Append(address.Area);
        text.Append(Flat(address));
        if (address.Building is null && address.Entrance is null && address.Room is not null)
            text.Append('室'); // 1201 alone reads as a number
        return text.ToString();
    }

    /// <summary>The part of an address within its building: <c>2单元601</c>, <c>601</c>, <c>3楼</c>.</summary>
    public static string Flat(Address address)
    {
        string entrance = address.Entrance is null ? string.Empty : address.Entrance + "单元";
        if (address.Room is not null)
            return entrance + address.Room;
        return address.Floor is null ? entrance : entrance + address.Floor + "楼";
    }

    /// <summary>
    /// Whose line an answer names without a full name: its address, or where it has none (a roster of names) the
    /// name shortened.
    /// </summary>
    public static string Household(ChainEntry entry)
    {
        string address = Address(entry.Address);
        if (address.Length > 0)
            return address;
        return NameMask.Shorten(entry.Name) ?? "没写地址的一行";
    }

    /// <summary><c>4月18日 20:00</c>, in the time's own offset (the chain's, China time).</summary>
    public static string Time(DateTimeOffset time) => time.ToString("M月d日 HH:mm", Invariant);

    /// <summary><c>【4月18日 天山三村 蔬菜套餐团购】</c>; a chain with no title is called by its number.</summary>
    public static string Title(ChainState chain) => "【" + Clip(chain.Header.Title ?? "接龙" + Number(chain.Number), ReplyDefaults.QuoteLength) + "】";

    /// <summary>
    /// <paramref name="text"/> on one line and at most <paramref name="length"/> text elements long (an emoji or a
    /// character with its accents is one), ending in … where it was cut.
    /// </summary>
    public static string Clip(string text, int length)
    {
        string flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var elements = StringInfo.GetTextElementEnumerator(flat);
        int count = 0;
        while (elements.MoveNext())
        {
            if (++count > length)
                return flat[..elements.ElementIndex] + "…";
        }
        return flat;
    }
}
