using System.Diagnostics;

namespace ChainBot.Server.Tests.Support;

/// Bounded waits: poll a condition until it holds or a deadline passes, then fail saying what was awaited and what
/// was last seen. No test sleeps for a fixed time hoping something happened.
internal static class Eventually
{
    /// Long enough for a slow, loaded CI machine; a passing wait ends as soon as its condition holds.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value; returns that value.
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (clock.Elapsed > limit)
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}; last seen: {Describe(value)}");
            await Task.Delay(Poll);
        }
    }

    /// Polls a synchronous <paramref name="probe"/> until <paramref name="done"/> holds for its value.
    public static Task<T> UntilAsync<T>(string what, Func<T> probe, Func<T, bool> done, TimeSpan? timeout = null) =>
        UntilAsync(what, () => Task.FromResult(probe()), done, timeout);

    /// Awaits <paramref name="task"/> for at most <paramref name="timeout"/>, failing with <paramref name="what"/>.
    public static async Task<T> WithinAsync<T>(string what, Task<T> task, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}");
            throw;
        }
    }

    /// <inheritdoc cref="WithinAsync{T}(string, Task{T}, TimeSpan?)"/>
    public static async Task WithinAsync(string what, Task task, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}");
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => i?.ToString())) + "]",
        _ => value.ToString() ?? "",
    };
}
