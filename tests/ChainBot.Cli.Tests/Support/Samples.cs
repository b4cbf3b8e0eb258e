using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Cli.Tests.Support;

/// <summary>Posts built by hand, so output tests do not depend on the parser.</summary>
internal static class Samples
{
    public const string RawPhone = "13812345678";
    public const string MaskedPhone = "138****5678";

    public static readonly DateTimeOffset Deadline = new(2022, 4, 18, 20, 0, 0, TimeSpan.FromHours(8));

    /// <summary>An order chain with two items, five entries (one cancelled, one with a phone), one unread line.</summary>
    public static ChainPost Order() => new(
        new ChainHeader
        {
            Title = "4月18日 天山三村 蔬菜套餐团购",
            HasNativeMarker = true,
            Catalogue = [new CatalogueItem("蔬菜套餐", "份", 68.0m, "每份约5斤"), new CatalogueItem("鸡蛋", "盒", null)],
            Deadline = Deadline,
        },
        [
            new ChainEntry
            {
                Seq = 1, Address = new Address(null, "12", null, "301"), Name = "王阿姨",
                Items = [new ItemQuantity("蔬菜套餐", 1, "份")], Line = "1. 12号301 王阿姨 1份", LineNumber = 7,
            },
            new ChainEntry
            {
                Seq = 2, Address = new Address("一区", "15", "3", "502"), Name = "李",
                Items = [new ItemQuantity("蔬菜套餐", 2, "份"), new ItemQuantity("鸡蛋", 1.5m, "盒")],
                Note = "放门口就行", OnBehalf = true, Phone = RawPhone,
                Line = "2. 一区15-3-502 李 2份 鸡蛋1.5盒 " + MaskedPhone + "（放门口就行）", LineNumber = 8,
            },
            new ChainEntry
            {
                Seq = 3, Address = new Address(null, "12", null, "302"), Name = "陈先生",
                Items = [new ItemQuantity("蔬菜套餐", 1, "份")], Status = EntryStatus.Cancelled,
                Line = "3. 12号302 陈先生 取消", LineNumber = 9,
            },
            new ChainEntry
            {
                Seq = null, Address = new Address(null, "3", null, "201"), Name = null,
                Items = [new ItemQuantity("蔬菜套餐", 3, "份")], IsCorrection = true,
                Line = "3号楼201 改3份", LineNumber = 10,
            },
            new ChainEntry
            {
                Seq = 5, Address = default, Name = "刘\"老\"师",
                Items = [new ItemQuantity("蔬菜套餐", 1, "份")],
                Line = "5. 刘\"老\"师 1份\n\t放\\门口", LineNumber = 11,
            },
        ],
        [new UnreadLine("6. 7号 1102 刘 要一些", UnreadReasons.NoQuantity, 13)]);

    /// <summary>A roster: no catalogue, nothing known of the title or deadline.</summary>
    public static ChainPost Roster() => new(
        new ChainHeader(),
        [
            new ChainEntry
            {
                Seq = 1, Address = new Address(null, "15", null, "302"), Name = "刘阿姨",
                Items = [new ItemQuantity("氨氯地平", 2, "盒")], Note = "医保卡已交", Line = "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交",
            },
        ],
        ImmutableArray<UnreadLine>.Empty);

    /// <summary>A stand-in parser: a message is a chain when it holds "接龙"; then it has one entry naming the text.</summary>
    public static ChainPost FakeParse(string text, DateTimeOffset time)
    {
        if (!text.Contains("接龙", StringComparison.Ordinal))
            return new ChainPost(ChainHeader.Empty, [], [new UnreadLine(text, "not a chain", 1)]);
        return new ChainPost(
            new ChainHeader { Title = text, Deadline = time.AddHours(10), Catalogue = [new CatalogueItem("蔬菜套餐", "份", 68m)] },
            [new ChainEntry { Seq = 1, Address = new Address(null, "12", null, "301"), Items = [new ItemQuantity("蔬菜套餐", 1, "份")], Line = text }],
            []);
    }
}
