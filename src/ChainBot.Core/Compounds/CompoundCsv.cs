using System.Text;

namespace ChainBot.Core.Compounds;

/// <summary>
/// The CSV form of the compound file: a header line naming the columns, then one line per building
/// (<c>area,group,building,volunteer,volunteer_id,…</c>). A zone's leader may be given on any of its lines, and must
/// be the same wherever it is given; so may the compound's name and its 团长. Quoted cells (<c>"a,b"</c>, <c>""</c>
/// for a quote) as spreadsheets write them; blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
internal static class CompoundCsv
{
    /// <summary>Every column the form knows; <c>area</c>, <c>group</c> and <c>building</c> are required.</summary>
    internal static readonly string[] Columns =
    [
        "area", "area_leader", "area_leader_id", "group", "group_leader", "group_leader_id",
        "building", "volunteer", "volunteer_id", "compound", "head", "head_id",
    ];

    private static readonly string[] Required = ["area", "group", "building"];

    /// <summary>Reads the CSV text.</summary>
    public static CompoundReadResult Read(string text)
    {
        var errors = new List<CompoundError>();
        var builder = new CompoundBuilder(errors);
        Dictionary<string, int>? columns = null;
        string? name = null, nameWhere = null;
        Leader? head = null;
        string? headWhere = null;
        int number = 0;
        foreach (string raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            string where = "line " + number;
            if (!TrySplit(line, out var cells))
            {
                errors.Add(new CompoundError(where, "a quoted cell is not closed (a cell may not run over two lines)"));
                continue;
            }
            if (columns is null)
            {
                columns = Header(cells, where, errors);
                if (columns is null)
                    break;
                continue;
            }
            if (cells.Count > columns.Count)
            {
                errors.Add(new CompoundError(where, $"{cells.Count} cells, but the header names {columns.Count} columns"));
                continue;
            }
            string Cell(string column) => columns.TryGetValue(column, out int i) && i < cells.Count ? cells[i].Trim() : string.Empty;
            bool Empty(string column)
            {
                if (Cell(column).Length > 0)
                    return false;
                errors.Add(new CompoundError(where + ", column " + column, "empty " + column));
                return true;
            }
            Leader? LeaderOf(string column)
            {
                string person = Cell(column), id = Cell(column + "_id");
                if (person.Length == 0 && id.Length > 0)
                    errors.Add(new CompoundError(where + ", column " + column, $"{column}_id is given without a {column} name"));
                return person.Length == 0 ? null : new Leader(person, id.Length == 0 ? null : id);
            }
            bool empty = Empty("area") | Empty("group") | Empty("building");
            var areaLeader = LeaderOf("area_leader");
            var groupLeader = LeaderOf("group_leader");
            var volunteer = LeaderOf("volunteer");
            var rowHead = LeaderOf("head");
            Agree(ref name, ref nameWhere, Cell("compound") is { Length: > 0 } c ? c : null, where, "the compound's name", errors);
            Agree(ref head, ref headWhere, rowHead, where, "the compound's head (团长)", errors);
            if (!empty)
                builder.Add(new BuildingRow(Cell("area"), areaLeader, Cell("group"), groupLeader, Cell("building"), volunteer, where));
        }
        if (columns is null && errors.Count == 0)
            errors.Add(new CompoundError("line 1", "no header line (area,group,building,…)"));
        var compound = builder.Build(name, head, "the file");
        return new CompoundReadResult(compound, [.. errors]);
    }

    /// <summary>The header's column → index; null (with errors) when it names an unknown column or lacks a required one.</summary>
    private static Dictionary<string, int>? Header(List<string> cells, string where, List<CompoundError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int before = errors.Count;
        for (int i = 0; i < cells.Count; i++)
        {
            string column = cells[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(column))
                errors.Add(new CompoundError(where, $"unknown column \"{cells[i].Trim()}\" (the columns are {string.Join(", ", Columns)})"));
            else if (!columns.TryAdd(column, i))
                errors.Add(new CompoundError(where, $"column {column} is named twice"));
        }
        foreach (string column in Required)
        {
            if (!columns.ContainsKey(column))
                errors.Add(new CompoundError(where, $"the header has no column {column}"));
        }
        return errors.Count == before ? columns : null;
    }

    /// <summary>Keeps a value the file may give on any line; a second, different one is an error.</summary>
    private static void Agree<T>(ref T? kept, ref string? keptWhere, T? given, string where, string what, List<CompoundError> errors)
        where T : class
    {
        if (given is null)
            return;
        if (kept is null)
            (kept, keptWhere) = (given, where);
        else if (!kept.Equals(given))
            errors.Add(new CompoundError(where, $"{what} differs from the one on {keptWhere}"));
    }

    /// <summary>Splits one line into cells; false when a quoted cell is not closed.</summary>
    internal static bool TrySplit(string line, out List<string> cells)
    {
        cells = [];
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c != '"')
                    cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                    cell.Append(line[++i]);
                else
                    quoted = false;
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return !quoted;
    }
}
