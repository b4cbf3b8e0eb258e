namespace ChainBot.Core.Chains;

/// <summary>One item a chain sells (商品): its name, the unit quantities are counted in, price and spec.</summary>
/// <param name="Name">The item's name as the header gives it (蔬菜套餐, 鸡蛋).</param>
/// <param name="Unit">The measure word quantities are counted in (份, 箱, 斤).</param>
/// <param name="Price">Price per unit in yuan, when the header gives one.</param>
/// <param name="Spec">What one unit holds (每份约5斤, 250ml*24盒/箱), when given.</param>
/// <param name="Code">A code entries may use instead of the name (A, B, ①→1, 套餐A→A).</param>
public sealed record CatalogueItem(string Name, string Unit, decimal? Price = null, string? Spec = null, string? Code = null);
