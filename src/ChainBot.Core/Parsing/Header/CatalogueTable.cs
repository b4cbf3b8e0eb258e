using System.Globalization;
using ChainBot.Core.Parsing.Entries;

namespace ChainBot.Core.Parsing.Header;

/// <summary>
/// A catalogue laid out as a table (品名 单价 单位 / 土豆 3 斤): the header row names the columns, and each row
/// after it that fits them is an item. Columns are split on spaces, tabs or <c>|</c>.
/// </summary>
internal sealed class CatalogueTable
{
    private readonly int _name, _price, _unit, _spec, _columns;

    private CatalogueTable(int name, int price, int unit, int spec, int columns) =>
        (_name, _price, _unit, _spec, _columns) = (name, price, unit, spec, columns);

    /// <summary>The table a header row opens, or null when the line is no header row.</summary>
    public static CatalogueTable? TryHeaderRow(ReadOnlySpan<char> line)
    {
        var cells = Cells(line);
        int name = IndexOf(cells, "品名", "商品", "名称", "菜品");
        int price = IndexOf(cells, "单价", "价格", "价钱", "售价", "团购价");
        if (name < 0 || price < 0)
            return null;
        return new CatalogueTable(name, price, IndexOf(cells, "单位"), IndexOf(cells, "规格"), cells.Length);
    }

    /// <summary>Reads a row: the item, when the row has the table's columns and a price in its price column.</summary>
    public bool TryReadRow(ReadOnlySpan<char> line, out CatalogueLine.Draft row)
    {
        row = default;
        var cells = Cells(line);
        if (cells.Length != _columns)
            return false;
        var price = cells[_price].TrimStart("¥￥").TrimEnd("元");
        if (!decimal.TryParse(price, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            return false;
        string unit = _unit >= 0 && Units.StartsWithUnit(cells[_unit]) ? cells[_unit] : "份";
        string? spec = _spec >= 0 ? cells[_spec] : null;
        row = new CatalogueLine.Draft(cells[_name], unit, value, spec, null);
        return true;
    }

    private static string[] Cells(ReadOnlySpan<char> line) =>
        line.ToString().Split([' ', '\t', '|', '｜'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int IndexOf(string[] cells, params ReadOnlySpan<string> names)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            foreach (string name in names)
            {
                if (cells[i] == name)
                    return i;
            }
        }
        return -1;
    }
}
