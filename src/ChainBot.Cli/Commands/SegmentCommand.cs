using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Cli.Input;
using ChainBot.Core.Segmentation;

namespace ChainBot.Cli.Commands;

/// <summary>
/// <c>chainbot segment FILE [--json] [--dict PATH]</c>: each line of FILE cut into words by the jieba-design
/// segmenter, over the built-in domain lexicon and any dictionary in jieba's <c>word freq [tag]</c> format.
/// </summary>
internal static class SegmentCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A UTF-8 text file; every line is cut on its own." };
        var json = new Option<bool>("--json") { Description = "Print one JSON array of words per input line." };
        var dict = new Option<string?>("--dict")
        {
            Description = "A dictionary in jieba's format (word freq [tag] a line, e.g. jieba's dict.txt), merged over the built-in lexicon.",
            HelpName = "PATH",
        };
        var command = new Command("segment", "Cut each line of a file into words, as jieba.lcut(line, HMM=False) would.") { file, json, dict };
        command.SetAction(result => Execute(console, result.GetRequiredValue(file), result.GetValue(json), result.GetValue(dict)));
        return command;
    }

    private static int Execute(CliConsole console, string path, bool json, string? dictPath)
    {
        var dictionary = WordDictionary.Domain;
        if (dictPath is not null)
        {
            if (!PostSource.TryCheckUtf8(dictPath, out string? dictError))
            {
                console.Error.WriteLine($"chainbot: cannot read dictionary '{dictPath}': {dictError}");
                return ChainBotCli.Failure;
            }
            try
            {
                dictionary = dictionary.Merge(WordDictionary.Load(dictPath));
            }
            catch (DictionaryFormatException e)
            {
                console.Error.WriteLine($"chainbot: {e.Message}");
                return ChainBotCli.Failure;
            }
        }
        if (!PostSource.TryCheckUtf8(path, out string? error))
        {
            console.Error.WriteLine($"chainbot: cannot read '{path}': {error}");
            return ChainBotCli.Failure;
        }

        var segmenter = new Segmenter(dictionary);
        var tokens = new List<Token>();
        using var text = PostSource.OpenText(path);
        console.Out.Flush();
        using var json8 = new Utf8JsonWriter(console.OutputStream, JsonOptions);
        while (text.ReadLine() is { } line)
        {
            tokens.Clear();
            segmenter.Cut(line, tokens);
            if (json)
                WriteJsonLine(console, json8, line, tokens);
            else
                WritePlainLine(console.Out, line, tokens);
        }
        console.Out.Flush();
        return ChainBotCli.Success;
    }

    private static void WriteJsonLine(CliConsole console, Utf8JsonWriter json, string line, List<Token> tokens)
    {
        json.WriteStartArray();
        foreach (var token in tokens)
            json.WriteStringValue(line.AsSpan(token.Start, token.Length));
        json.WriteEndArray();
        json.Flush();
        json.Reset();
        console.OutputStream.WriteByte((byte)'\n');
    }

    /// <summary>Words joined by " / ", as jieba's own demos print them.</summary>
    private static void WritePlainLine(TextWriter output, string line, List<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
                output.Write(" / ");
            output.Write(line.AsSpan(tokens[i].Start, tokens[i].Length));
        }
        output.WriteLine();
    }
}
