namespace ChainBot.Core.Transcripts;

/// <summary>Why a transcript line was not read: stable strings that the CLI prints and tests rely on.</summary>
public static class TranscriptErrors
{
    /// <summary>The line is not valid JSON.</summary>
    public const string MalformedJson = "malformed JSON";

    /// <summary>The line is JSON, but not an object.</summary>
    public const string NotAnObject = "not a JSON object";

    /// <summary>The object has no <c>text</c> string.</summary>
    public const string MissingText = "missing text";

    /// <summary>The object's <c>time</c> is missing or not an ISO 8601 time with a UTC offset.</summary>
    public const string BadTime = "bad time";

    /// <summary>A member other than text and time has the wrong type (e.g. <c>"mentioned":"yes"</c>).</summary>
    public const string BadField = "bad field";
}
