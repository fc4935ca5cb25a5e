using FluentAssertions;
using ProcMan.Threading;
using Xunit;

namespace ProcMan.Tests.Threading;

public sealed class DedicatedThreadTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_job_runs_on_a_thread_of_its_own_that_ps_and_perf_show_by_name()
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        DedicatedThread.Start("procman test", 64 * 1024, () =>
        {
            started.SetResult(Environment.CurrentManagedThreadId);
            release.Wait();
        });
        var jobThread = await started.Task;

        jobThread.Should().NotBe(Environment.CurrentManagedThreadId);
        ThreadNames().Should().Contain("procman test");
        release.Set();
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_jobs_run_at_once_each_on_its_own_thread()
    {
        // As many as 100 children's pumps and waiters: each blocks its thread, none waits for another.
        const int jobs = 300;
        var arrived = 0;
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var threads = new int[jobs];

        for (var i = 0; i < jobs; i++)
        {
            var job = i;
            DedicatedThread.Start("procman test", 64 * 1024, () =>
            {
                threads[job] = Environment.CurrentManagedThreadId;
                if (Interlocked.Increment(ref arrived) == jobs)
                    allThere.SetResult();
                release.Wait();
            });
        }
        await allThere.Task;
        release.Set();

        threads.Distinct().Should().HaveCount(jobs);
    }

    private static IEnumerable<string> ThreadNames() =>
        Directory.GetDirectories("/proc/self/task").Select(task => File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'));
}
