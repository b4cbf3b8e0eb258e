using System.Collections.Immutable;

namespace ChainBot.Core.Chains;

/// <summary>The header of a chain (接龙的开头): everything above the first numbered entry.</summary>
public sealed record ChainHeader
{
    /// <summary>An empty header: no title, no catalogue.</summary>
    public static ChainHeader Empty { get; } = new();

    /// <summary>The title, without the <c>#接龙</c> marker; null when the post has no header.</summary>
    public string? Title { get; init; }

    /// <summary>True when the post carried WeChat's <c>#接龙</c> marker (or <c>#Group Note</c>, <c>#接龍</c>).</summary>
    public bool HasNativeMarker { get; init; }

    /// <summary>The items on sale with unit, price and spec; empty for a roster.</summary>
    public ImmutableArray<CatalogueItem> Catalogue { get; init; } = [];

    /// <summary>The minimum for the group-buy to go ahead (满N份成团), in the catalogue's unit.</summary>
    public int? Minimum { get; init; }

    /// <summary>The deadline (截止时间), read relative to the message's time.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Where goods are collected (自提点, 取货地点).</summary>
    public string? Pickup { get; init; }

    /// <summary>The example line (<c>例</c>, <c>格式</c>), which is never an entry.</summary>
    public string? Example { get; init; }
}
