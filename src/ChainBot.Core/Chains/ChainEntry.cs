using System.Collections.Immutable;

namespace ChainBot.Core.Chains;

/// <summary>One numbered line of a chain (接龙条目): whose it is and what they ask for.</summary>
public sealed record ChainEntry
{
    /// <summary>The sequence number as written (numbers repeat and skip when people copy); null if none.</summary>
    public int? Seq { get; init; }

    /// <summary>Where the household lives; empty for a roster of names.</summary>
    public Address Address { get; init; }

    /// <summary>The name as written, with its honorific (王阿姨, 陈先生, 小王); null when none is given.</summary>
    public string? Name { get; init; }

    /// <summary>What the entry asks for, in the catalogue's units.</summary>
    public ImmutableArray<ItemQuantity> Items { get; init; } = [];

    /// <summary>Remarks in brackets or after the order (放门口就行), joined by "; "; null when none.</summary>
    public string? Note { get; init; }

    /// <summary>Active, or cancelled (取消, 不要了, quantity 0).</summary>
    public EntryStatus Status { get; init; }

    /// <summary>True when the line corrects an earlier one (改2份, 改为3份, 更正).</summary>
    public bool IsCorrection { get; init; }

    /// <summary>True when someone else added the line for this household (代登记, 帮…接龙, （代）).</summary>
    public bool OnBehalf { get; init; }

    /// <summary>
    /// A phone number found in the line. Private: never shown in group replies or logs; see <see cref="MaskedPhone"/>.
    /// </summary>
    public string? Phone { get; init; }

    /// <summary>The line as posted (continuation lines joined by a newline), with phone numbers masked.</summary>
    public required string Line { get; init; }

    /// <summary>1-based number of the line the entry starts on.</summary>
    public int LineNumber { get; init; }

    /// <summary>The phone number with its middle four digits hidden (138****5678).</summary>
    public string? MaskedPhone => Phone is null ? null : Text.PhoneNumbers.Mask(Phone);

    /// <summary>The household the entry belongs to: its address where a room is written, else its name.</summary>
    public HouseholdId Household => HouseholdId.Of(Address, Name);
}
