using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChainBot.Exports;

/// <summary>
/// Names the export gives sheets and files: valid in Excel, WPS and LibreOffice, and on Windows, macOS and Linux.
/// </summary>
public static class ExportNames
{
    /// <summary>The longest sheet name Excel accepts.</summary>
    public const int MaxSheetName = 31;

    /// <summary>The longest file name (without extension) the export makes, in characters.</summary>
    public const int MaxFileName = 60;

    // Excel refuses a sheet name with any of these, one that is empty, longer than 31, or starts or ends with '.
    private static readonly SearchValues<char> BadSheetChars = SearchValues.Create("[]:*?/\\");

    // Windows refuses these in file names (Linux only '/' and NUL); the export's files travel between both.
    private static readonly SearchValues<char> BadFileChars = SearchValues.Create("<>:\"/\\|?*");

    /// <summary>True when Excel accepts <paramref name="name"/> as a sheet name.</summary>
    public static bool IsValidSheetName(string name) =>
        name.Length is > 0 and <= MaxSheetName && name.AsSpan().IndexOfAny(BadSheetChars) < 0 && name[0] != '\'' && name[^1] != '\'';

    /// <summary>
    /// Sheet names for <paramref name="names"/>, in order: forbidden characters replaced, cut to 31 characters (never
    /// inside a surrogate pair), and made unique, case-insensitively as Excel compares them, with (2), (3)….
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (string name in names)
        {
            string clean = Replace(name, BadSheetChars, '_').Trim('\'', ' ');
            if (clean.Length == 0)
                clean = "Sheet";
            string candidate = Cut(clean, MaxSheetName);
            for (int n = 2; !used.Add(candidate); n++)
            {
                string suffix = string.Create(CultureInfo.InvariantCulture, $"({n})");
                candidate = Cut(clean, MaxSheetName - suffix.Length) + suffix;
            }
            result.Add(candidate);
        }
        return result;
    }

    /// <summary>A file or folder name made from <paramref name="name"/>: forbidden characters replaced, at most 60 characters.</summary>
    public static string FileName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
            builder.Append(char.IsControl(c) || BadFileChars.Contains(c) ? '_' : c);
        string clean = Cut(builder.ToString().Trim().TrimEnd('.'), MaxFileName).Trim();
        return clean.Length == 0 ? "chain" : clean;
    }

    private static string Replace(string text, SearchValues<char> bad, char with)
    {
        var builder = new StringBuilder(text);
        for (int i = 0; i < builder.Length; i++)
        {
            if (bad.Contains(builder[i]))
                builder[i] = with;
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never ending on half an emoji.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
            return text;
        int length = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..length];
    }
}
