namespace ChainBot.Core.Parsing.Entries;

/// <summary>What a measure word measures, so quantities convert only within their kind.</summary>
internal enum UnitKind
{
    /// <summary>Counted things: 份 箱 袋 盒 个 瓶 …</summary>
    Count,

    /// <summary>Weight, converted through 斤 (1kg = 2斤, 500g = 1斤).</summary>
    Weight,

    /// <summary>Volume (ml, L): only ever part of a spec (250ml*24盒), never an order quantity.</summary>
    Volume,
}

/// <summary>A measure word as written and its canonical name, kind and size in its kind's base unit.</summary>
/// <param name="Name">Canonical name (公斤 and kg are both "公斤").</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Factor">Size in 斤 for weights, ml for volumes, 1 for counts.</param>
internal sealed record Unit(string Name, UnitKind Kind, decimal Factor)
{
    /// <summary>份 is the generic portion: people write it for any counted unit (1份 of a 蔬菜包 sold per 包).</summary>
    public bool IsGenericPortion => Name == "份";
}
