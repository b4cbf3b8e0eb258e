using System.Text.Encodings.Web;
using System.Text.Json;
using ChainBot.Core.Chains;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Text;

namespace ChainBot.Cli.Output;

/// <summary>
/// Writes <c>chainbot ledger --json</c> (the contract in <c>schemas/chainbot-ledger.schema.json</c>): each ledger
/// with its households in building then room order, each with its current registration (null once cancelled),
/// how many times it registered, and its history newest first. Every member is always present; absent values are
/// null. Phone numbers never appear: a registration's phone is not written, and free text is masked again.
/// </summary>
internal static class JsonLedgerWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes <c>{"ledgers":[…]}</c> and a newline to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, IReadOnlyList<Ledger> ledgers)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ledgers);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("ledgers");
            foreach (var ledger in ledgers)
                WriteLedger(json, ledger);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteLedger(Utf8JsonWriter json, Ledger ledger)
    {
        json.WriteStartObject();
        json.WriteString("name", ledger.Name);
        json.WriteNumber("chains", ledger.Chains);
        json.WriteNumber("current", ledger.CurrentCount);
        json.WriteStartArray("households");
        foreach (var household in ledger.Households)
        {
            var address = household.Latest.Address;
            json.WriteStartObject();
            json.WriteString("area", address.Area);
            json.WriteString("building", address.Building);
            json.WriteString("entrance", address.Entrance);
            json.WriteString("room", address.Room);
            json.WriteString("floor", address.Floor);
            json.WriteString("name", Masked(household.Latest.Name));
            json.WriteNumber("count", household.Count);
            json.WritePropertyName("current");
            if (household.Current is { } current)
                WriteRegistration(json, current);
            else
                json.WriteNullValue();
            json.WriteStartArray("history");
            foreach (var registration in household.History)
                WriteRegistration(json, registration);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRegistration(Utf8JsonWriter json, LedgerRegistration r)
    {
        json.WriteStartObject();
        json.WriteString("content", Masked(r.Content));
        json.WriteStartArray("items");
        foreach (var item in r.Items)
        {
            json.WriteStartObject();
            json.WriteString("item", Masked(item.Item));
            json.WriteNumber("quantity", item.Quantity);
            json.WriteString("unit", item.Unit);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("note", Masked(r.Note));
        json.WriteString("status", r.Status == EntryStatus.Active ? "active" : "cancelled");
        json.WriteBoolean("onBehalf", r.OnBehalf);
        json.WriteString("time", r.Time);
        json.WriteString("groupId", r.GroupId);
        json.WriteNumber("chain", r.ChainNumber);
        json.WriteString("chainTitle", Masked(r.ChainTitle));
        json.WriteNumber("entry", r.EntryId);
        json.WriteString("msgId", r.MsgId);
        json.WriteString("addedBy", Masked(r.AddedBy));
        json.WriteString("addedByName", Masked(r.AddedByName));
        json.WriteEndObject();
    }

    private static string? Masked(string? text) => text is null ? null : PhoneNumbers.MaskAll(text);
}
