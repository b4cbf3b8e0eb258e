namespace ChainBot.Core.Compounds;

/// <summary>Why a compound file was not read: where in it, and what is wrong, so the file can be fixed.</summary>
/// <param name="Where">
/// <c>line 12, column building</c> in the CSV form; <c>areas[0].groups[1].buildings[3]</c> (or a line, for a JSON
/// syntax error) in the JSON form.
/// </param>
/// <param name="Message">What is wrong: <c>building 12 of 一区 is in two groups: 一营 (line 5) and 二营 (line 30)</c>.</param>
public sealed record CompoundError(string Where, string Message)
{
    /// <summary><c>line 12, column building: …</c></summary>
    public override string ToString() => Where + ": " + Message;
}
