namespace ChainBot.Core.Chains;

/// <summary>The reasons a line is reported unread: stable strings that replies and tests rely on.</summary>
public static class UnreadReasons
{
    /// <summary>An order chain's entry names no quantity and does not cancel.</summary>
    public const string NoQuantity = "no quantity";

    /// <summary>An entry names neither a building, a room nor a name: nobody to count it for.</summary>
    public const string NoHousehold = "building not found";

    /// <summary>A quantity with no item in a chain of several items.</summary>
    public const string ItemNotNamed = "item not named";

    /// <summary>The entry names something the catalogue does not sell.</summary>
    public const string ItemNotInCatalogue = "item not in catalogue";

    /// <summary>A quantity in a unit that cannot be converted to the catalogue's unit (2斤 of an item sold by 份).</summary>
    public const string UnitMismatch = "unit does not match the catalogue";

    /// <summary>A line among the entries that has no number and is no continuation of an entry.</summary>
    public const string NotAnEntry = "not a numbered entry";

    /// <summary>A line longer than the parser reads.</summary>
    public const string TooLong = "line too long";
}
