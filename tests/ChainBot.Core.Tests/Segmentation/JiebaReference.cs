using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ChainBot.Core.Tests.Segmentation;

/// <summary>
/// Runs the real jieba (Debian's python3-jieba, under the system interpreter) once over many inputs and returns
/// <c>jieba.lcut(text, HMM=False)</c> for each. The inputs go in and the tokens come out as JSON lines, all ASCII,
/// so no console encoding, newline translation or surrogate pair can blur the comparison.
/// </summary>
internal static class JiebaReference
{
    public const string Python = "/usr/bin/python3";

    private const string InstallHint =
        "The segmenter parity test needs the reference jieba: install it with `apt-get install python3-jieba` " +
        "(Debian/Ubuntu; CI's .ci/run does this) so that /usr/bin/python3 can `import jieba`.";

    // Prints jieba's dict.txt path first, then one JSON array of tokens per JSON string read from stdin.
    private const string Script = """
        import json, logging, os, sys
        import jieba
        jieba.setLogLevel(logging.WARNING)
        out = sys.stdout
        out.write(json.dumps(os.path.join(os.path.dirname(jieba.__file__), "dict.txt")) + "\n")
        for line in sys.stdin:
            out.write(json.dumps(jieba.lcut(json.loads(line), HMM=False)) + "\n")
        out.flush()
        """;

    /// <summary>jieba's dictionary path and its cut of every input, in order.</summary>
    public static (string DictionaryPath, List<string[]> Cuts) CutAll(IReadOnlyList<string> inputs)
    {
        if (!File.Exists(Python))
            Assert.Fail($"{Python} does not exist. {InstallHint}");

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (string input in inputs)
                    process.StandardInput.WriteLine(JsonSerializer.Serialize(input));
            }
            catch (IOException)
            {
                // Python died early (no jieba); its stderr says why and is reported below.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });

        var lines = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
            lines.Add(line);
        writer.Wait();
        process.WaitForExit();

        if (process.ExitCode != 0)
        {
            string error = stderr.Result;
            if (error.Contains("No module named 'jieba'", StringComparison.Ordinal))
                Assert.Fail($"{Python} has no jieba module. {InstallHint}");
            Assert.Fail($"{Python} with jieba failed (exit {process.ExitCode}): {error}");
        }
        Assert.That(lines, Has.Count.EqualTo(inputs.Count + 1), "jieba answered a different number of lines than it was given");

        string dictionaryPath = JsonSerializer.Deserialize<string>(lines[0])!;
        var cuts = lines.Skip(1).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList();
        return (dictionaryPath, cuts);
    }
}
