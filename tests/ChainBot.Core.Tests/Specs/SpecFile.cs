using System.Collections.Immutable;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// Reads a spec file: <c>## Section</c> headings, <c>header</c> blocks and <c>example</c> blocks (see README.md).
/// A malformed example is an authoring mistake, so it throws <see cref="FormatException"/> naming file and line.
/// </summary>
public static class SpecFile
{
    /// <summary>The info string of an example block.</summary>
    public const string ExampleInfo = "example";

    /// <summary>The info string of a header block.</summary>
    public const string HeaderInfo = "header";

    /// <summary>The line that separates an example's input from its expected lines.</summary>
    public const string Separator = ".";

    /// <summary>The spec files in <see cref="RepositoryPaths.SpecDirectory"/>, sorted by name; README.md is documentation only.</summary>
    public static ImmutableArray<string> Files() =>
        [.. Directory.GetFiles(RepositoryPaths.SpecDirectory, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every example of every spec file, file by file.</summary>
    public static ImmutableArray<SpecExample> LoadAll() => [.. Files().SelectMany(f => Load(f))];

    /// <summary>Reads the examples of one spec file.</summary>
    public static ImmutableArray<SpecExample> Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads the examples of spec text.</summary>
    /// <param name="markdown">The spec file's text.</param>
    /// <param name="fileName">The name to report in examples and errors.</param>
    public static ImmutableArray<SpecExample> Parse(string markdown, string fileName)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // A spec file's line ends carry no meaning (inputs with \r\n are tested in C#), so CRLF files read as LF.
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = ImmutableArray.CreateBuilder<SpecExample>();
        string section = Path.GetFileNameWithoutExtension(fileName);
        string? header = null;
        int i = 0;
        while (i < lines.Length)
        {
            string line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                header = null; // a header block holds for its own section only
                i++;
                continue;
            }
            if (!TryOpenFence(line, out int fence, out string info))
            {
                i++;
                continue;
            }
            int open = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !IsClosingFence(lines[i], fence); i++)
                body.Add(lines[i]);
            if (i == lines.Length)
                throw new FormatException($"{fileName}:{open + 1}: the block opened here is never closed.");
            i++;
            if (info == HeaderInfo)
            {
                header = string.Join('\n', body);
            }
            else if (info == ExampleInfo)
            {
                examples.Add(ReadExample(body, fileName, section, examples.Count + 1, open + 1, header));
            }
        }
        return examples.ToImmutable();
    }

    private static SpecExample ReadExample(List<string> body, string fileName, string section, int number, int lineNumber, string? header)
    {
        int dot = body.IndexOf(Separator);
        if (dot < 0)
            throw new FormatException($"{fileName}:{lineNumber}: example has no '{Separator}' line between input and expected.");
        string input = string.Join('\n', body.Take(dot));
        var expected = body.Skip(dot + 1).Where(l => l.Trim().Length > 0).ToImmutableArray();
        return new SpecExample(fileName, section, number, lineNumber, header, input, expected);
    }

    private static bool TryOpenFence(string line, out int length, out string info)
    {
        length = 0;
        while (length < line.Length && line[length] == '`')
            length++;
        info = length >= 3 ? line[length..].Trim() : string.Empty;
        return length >= 3;
    }

    private static bool IsClosingFence(string line, int length)
    {
        string trimmed = line.TrimEnd();
        return trimmed.Length >= length && trimmed.All(c => c == '`');
    }
}
