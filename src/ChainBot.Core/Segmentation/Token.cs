namespace ChainBot.Core.Segmentation;

/// <summary>One word the <see cref="Segmenter"/> cut: a range of the input, in UTF-16 chars.</summary>
/// <param name="Start">Offset of the first char in the input.</param>
/// <param name="Length">Number of chars; a surrogate pair (an emoji outside the BMP) counts two.</param>
/// <remarks>
/// A token points into the text it was cut from rather than holding a string, so cutting allocates nothing per
/// word; materialize with <c>text.AsSpan(token.Start, token.Length)</c> only where a string is needed.
/// </remarks>
public readonly record struct Token(int Start, int Length)
{
    /// <summary>Offset just past the last char.</summary>
    public int End => Start + Length;
}
