using System.Globalization;
using BenchmarkDotNet.Running;
using ChainBot.Benchmarks.Merging;
using ChainBot.Benchmarks.Parsing;
using ChainBot.Core.Parsing;

// `write-chain PATH [ENTRIES]` writes the generated chain the parse benchmarks read, for jieba_baseline.py and the
// CLI's whole-process measure; `write-group-day PATH [MAIN_ENTRIES]` writes the group day the merge benchmarks
// replay as a transcript, reads it back and replays it once to check the merger reads it as meant; anything else
// goes to BenchmarkDotNet.
if (args is ["write-chain", var path, ..])
{
    int entries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : ParseBenchmarks.Entries;
    File.WriteAllText(path, ChainGenerator.Generate(entries));
    return 0;
}
if (args is ["write-group-day", var dayPath, ..])
{
    int mainEntries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : GroupDayGenerator.MainEntries;
    var day = GroupDayGenerator.Generate(mainEntries);
    GroupDayTranscript.Write(day, dayPath);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{dayPath}: {day.Messages.Length:N0} messages, {day.Messages[0].Message.Time:HH:mm}–{day.Messages[^1].Message.Time:HH:mm}, {day.Lines:N0} lines, {GroupDay.Utf8BytesIn(day.Messages):N0} bytes of text; the main chain's {day.PostsOf(GroupDay.MainChain).Length} posts hold {GroupDay.LinesIn(day.Posts(GroupDay.MainChain)):N0} lines"));
    long entryLines = day.PostsOf(GroupDay.MainChain).Sum(post => (long)ChainParser.Default.Parse(post.Text, post.Time).Entries.Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The main chain's posts carry {entryLines:N0} entry lines (1 + 2 + … + {mainEntries} = {mainEntries * (mainEntries + 1L) / 2:N0})."));
    var check = GroupDayCheck.Run(day, GroupDayTranscript.Read(dayPath));
    foreach (string line in check.Report)
        Console.WriteLine(line);
    check.ThrowIfMainChainDiffers();
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
return 0;
