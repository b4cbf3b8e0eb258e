using System.Text;
using ChainBot.Fuzz.Mutation;
using ChainBot.Fuzz.Targets;

namespace ChainBot.Fuzz.Running;

/// <summary>
/// One input: the target it goes to and what it is given. Derived from the run's seed and the input's index alone, so
/// <c>--seed S</c> replays a run and an index found in a report replays that one input.
/// </summary>
internal sealed record FuzzInput(FuzzTarget Target, long Index, string Text, byte[]? Bytes)
{
    /// <summary>The input number <paramref name="index"/> of the run seeded with <paramref name="seed"/>.</summary>
    public static FuzzInput Create(IReadOnlyList<FuzzTarget> targets, int seed, long index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var target = targets[(int)(index % targets.Count)];
        string text = Mutator.Mutate(random, target.Seeds);
        if (!target.TakesBytes)
            return new FuzzInput(target, index, text, null);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        // A quarter of the bodies get bytes flipped after encoding: invalid UTF-8 as the network can deliver it.
        if (bytes.Length > 0 && random.Next(4) == 0)
        {
            int flips = 1 + random.Next(3);
            for (int i = 0; i < flips; i++)
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
        return new FuzzInput(target, index, text, bytes);
    }

    /// <summary>Characters (text) or bytes (a body).</summary>
    public int Length => Bytes?.Length ?? Text.Length;

    /// <summary>Calls the target with the input.</summary>
    public void Run()
    {
        if (Bytes is not null)
            Target.RunBytes!(Bytes);
        else
            Target.RunText!(Text);
    }

    /// <summary>The input as it was given, for a file: the body's bytes, or the text's UTF-8.</summary>
    public byte[] Content => Bytes ?? Encoding.UTF8.GetBytes(Text);
}
