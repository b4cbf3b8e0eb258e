using System.Buffers;
using ChainBot.Core.Parsing.Entries;

namespace ChainBot.Core.Tests.Parsing;

/// <summary>
/// The marker scanner compares a group's words only where one of the group's first characters stands: a word whose
/// first character is missing from that set would never be found.
/// </summary>
public class MarkersTests
{
    public static IEnumerable<TestCaseData> Groups()
    {
        yield return new TestCaseData(Markers.Cancel, Markers.CancelStarts).SetName("Every_cancel_word_starts_with_a_cancel_start");
        yield return new TestCaseData(Markers.Correction, Markers.CorrectionStarts).SetName("Every_correction_word_starts_with_a_correction_start");
        yield return new TestCaseData(Markers.OnBehalf, Markers.BehalfStarts).SetName("Every_on_behalf_word_starts_with_a_behalf_start");
    }

    [TestCaseSource(nameof(Groups))]
    public void Every_word_of_a_group_starts_with_one_of_its_first_characters(string[] words, SearchValues<char> starts)
    {
        Assert.That(words, Is.Not.Empty);
        Assert.That(words.Where(w => !starts.Contains(w[0])), Is.Empty);
    }
}
