using System.Text.Json;
using ChainBot.Cli.Input;
using ChainBot.Core.Merging;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Output;

// Merged chains (`replay`, and `tally` of a transcript) in the same contract: a merged chain has the sections of a
// post, so a consumer of `tally --json` reads `replay --json` unchanged. What a replay adds (who opened, added and
// changed what, the flags, the conflicts, the groups' ignored and reported messages) is in members the contract marks
// optional, and each is always written by `replay`, null when absent.
internal sealed partial class JsonChainWriter
{
    /// <summary>
    /// Writes a whole document of replayed groups: every chain of every group, in order. With
    /// <paramref name="provenance"/> (<c>replay</c>), the replay's members too and, after the chains, the ignored and
    /// reported messages; without (<c>tally</c>), the members of a post's JSON only. With <paramref name="compound"/>,
    /// each tally's zones.
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<ReplayedGroup> groups, bool provenance, Core.Compounds.Compound? compound = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        using var writer = new JsonChainWriter(output) { Compound = compound };
        writer.WriteStartDocument();
        foreach (var group in groups)
        {
            foreach (var chain in group.State.Chains)
                writer.WriteChain(chain, group.GroupId, provenance);
        }
        if (provenance)
        {
            writer.WriteEndChains();
            writer.WriteIgnored(groups);
            writer.WriteReports(groups);
        }
        writer.WriteEndDocument();
    }

    /// <summary>
    /// Writes one merged chain: its entries as they stand, the tally of those that count (<see cref="ChainState.Tally"/>:
    /// late lines not accepted and cancelled ones left out), its unread lines, and with
    /// <paramref name="provenance"/> its group, id, opener, entries' provenance and flags, and conflicts.
    /// </summary>
    public void WriteChain(ChainState chain, string? groupId, bool provenance)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (provenance)
        {
            WriteStartChain(chain, groupId);
            WriteEntries(chain);
        }
        else
        {
            WriteStartChain(chain.Header, chain.Kind);
            WriteEntries(chain.Entries.Select(static entry => entry.Entry));
        }
        WriteTally(chain.Tally());
        WriteUnread(chain.Unread);
        if (provenance)
            WriteConflicts(chain.Conflicts);
        WriteEndChain();
    }

    private void WriteStartChain(ChainState chain, string? groupId)
    {
        Expect(Section.Chain, Section.Entries);
        _json.WriteStartObject();
        WriteText(Names.GroupId, groupId);
        _json.WriteString(Names.ChainId, chain.ChainId);
        WriteProvenance(Names.OpenedBy, Names.OpenedByName, Names.OpenedAt, chain.OpenedBy);
        _json.WriteBoolean(Names.Closed, chain.Closed);
        WriteProvenance(Names.ClosedBy, Names.ClosedByName, Names.ClosedAt, chain.ClosedBy);
        WriteHeader(chain.Header, chain.Kind);
    }

    private void WriteEntries(ChainState chain)
    {
        Expect(Section.Entries, Section.Tally);
        _json.WriteStartArray(Names.Entries);
        foreach (var entry in chain.Entries)
            WriteEntry(_entryEncoder.Encode(entry, chain.MarksOf(entry)));
        _json.WriteEndArray();
    }

    private void WriteConflicts(IEnumerable<Conflict> conflicts)
    {
        Expect(Section.Conflicts, Section.EndChain);
        _json.WriteStartArray(Names.Conflicts);
        foreach (var conflict in conflicts)
        {
            _json.WriteStartObject();
            _json.WriteNumber(Names.EntryId, conflict.EntryId);
            WriteProvenance(Names.By, Names.ByName, Names.At, conflict.By);
            WriteText(Names.Line, conflict.Line);
            _json.WriteString(Names.Reason, conflict.Reason);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    private void WriteEndChains()
    {
        Expect(Section.Chain, Section.Ignored);
        _json.WriteEndArray();
    }

    /// <summary>The ids of the messages that changed no chain (chatter, commands), every group's in turn.</summary>
    private void WriteIgnored(IReadOnlyList<ReplayedGroup> groups)
    {
        Expect(Section.Ignored, Section.Reports);
        _json.WriteStartArray(Names.Ignored);
        foreach (var group in groups)
        {
            foreach (var ignored in group.State.Ignored)
                _json.WriteStringValue(ignored.MsgId);
        }
        _json.WriteEndArray();
    }

    /// <summary>The messages the merger could not place, for the coordinator, each with its group.</summary>
    private void WriteReports(IReadOnlyList<ReplayedGroup> groups)
    {
        Expect(Section.Reports, Section.End);
        _json.WriteStartArray(Names.Reports);
        foreach (var group in groups)
        {
            foreach (var report in group.State.Reports)
            {
                _json.WriteStartObject();
                WriteText(Names.GroupId, group.GroupId);
                _json.WriteString(Names.MsgId, report.MsgId);
                WriteText(Names.SenderId, report.SenderId);
                _json.WriteString(Names.Reason, report.Reason);
                WriteText(Names.Text, report.Text);
                _json.WriteEndObject();
            }
        }
        _json.WriteEndArray();
    }

    // Who (sender id and display name, masked as free text: some channels use a mobile number as the user id) and
    // when; three nulls when nobody did it.
    private void WriteProvenance(JsonEncodedText by, JsonEncodedText byName, JsonEncodedText at, Provenance? who)
    {
        WriteText(by, who?.SenderId);
        WriteText(byName, who?.SenderName);
        if (who is null)
            _json.WriteNull(at);
        else
            _json.WriteString(at, TranscriptTime.Format(who.Time));
    }

    private static partial class Names
    {
        public static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
        public static readonly JsonEncodedText By = JsonEncodedText.Encode("by");
        public static readonly JsonEncodedText ByName = JsonEncodedText.Encode("byName");
        public static readonly JsonEncodedText ChainId = JsonEncodedText.Encode("chainId");
        public static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");
        public static readonly JsonEncodedText ClosedAt = JsonEncodedText.Encode("closedAt");
        public static readonly JsonEncodedText ClosedBy = JsonEncodedText.Encode("closedBy");
        public static readonly JsonEncodedText ClosedByName = JsonEncodedText.Encode("closedByName");
        public static readonly JsonEncodedText Conflicts = JsonEncodedText.Encode("conflicts");
        public static readonly JsonEncodedText EntryId = JsonEncodedText.Encode("entryId");
        public static readonly JsonEncodedText GroupId = JsonEncodedText.Encode("groupId");
        public static readonly JsonEncodedText Ignored = JsonEncodedText.Encode("ignored");
        public static readonly JsonEncodedText MsgId = JsonEncodedText.Encode("msgId");
        public static readonly JsonEncodedText OpenedAt = JsonEncodedText.Encode("openedAt");
        public static readonly JsonEncodedText OpenedBy = JsonEncodedText.Encode("openedBy");
        public static readonly JsonEncodedText OpenedByName = JsonEncodedText.Encode("openedByName");
        public static readonly JsonEncodedText Reports = JsonEncodedText.Encode("reports");
        public static readonly JsonEncodedText SenderId = JsonEncodedText.Encode("senderId");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    }
}
