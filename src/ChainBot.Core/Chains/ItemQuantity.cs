namespace ChainBot.Core.Chains;

/// <summary>A quantity of one item, in the catalogue's unit (大米 = 2 袋).</summary>
/// <param name="Item">The catalogue item's name, or for a roster the thing asked for.</param>
/// <param name="Quantity">How many, in <paramref name="Unit"/>; never negative.</param>
/// <param name="Unit">The measure word; for an order chain always the catalogue item's unit.</param>
public readonly record struct ItemQuantity(string Item, decimal Quantity, string Unit);
