namespace ChainBot.Core.Compounds;

/// <summary>
/// Reads a compound file (<c>compound.json</c> or <c>compound.csv</c>; samples/compound/README.md documents both
/// forms) into a checked <see cref="Compound"/>, or says every problem with its line or field. Pure: the caller
/// reads the file. Never throws on any text.
/// </summary>
public static class CompoundReader
{
    /// <summary>Reads <paramref name="text"/> in the form its file's extension says (<c>.json</c>, <c>.csv</c>).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's name or path; only its extension is looked at.</param>
    public static CompoundReadResult Read(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".json" => ReadJson(text),
            ".csv" => ReadCsv(text),
            _ => new CompoundReadResult(null, [new CompoundError("the file's name", $"{Path.GetFileName(fileName)} does not end in .json or .csv, the two forms of a compound file")]),
        };
    }

    /// <summary>Reads the JSON form.</summary>
    public static CompoundReadResult ReadJson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompoundJson.Read(text);
    }

    /// <summary>Reads the CSV form: a header line, then one line per building.</summary>
    public static CompoundReadResult ReadCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompoundCsv.Read(text);
    }
}
