using System.Text;

namespace ChainBot.Cli.Tests.Export;

/// <summary>A strict RFC 4180 reader for the export's CSV files: quoted fields, doubled quotes, CRLF records.</summary>
internal static class CsvReader
{
    /// <summary>The UTF-8 byte-order mark every export CSV starts with.</summary>
    public static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The records of <paramref name="path"/>; fails unless the file starts with the UTF-8 BOM.</summary>
    public static List<string[]> ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(3), Is.EqualTo(Bom), $"{path} does not start with the UTF-8 BOM");
        return Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>The records of CSV text.</summary>
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                        throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i]);
                }
                continue;
            }
            if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
                continue;
            }
            field.Append(text[i++]);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
