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
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        DedicatedThread.Start("procman test", 256 * 1024, () =>
        {
            started.SetResult(Environment.CurrentManagedThreadId);
            release.Wait();
            finished.SetResult();
        });
        var jobThread = await started.Task;

        jobThread.Should().NotBe(Environment.CurrentManagedThreadId);
        ThreadNames().Should().Contain("procman test");
        release.Set();
        await finished.Task;
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_jobs_run_at_once_each_on_its_own_thread()
    {
        // As many as 100 children's pumps and waiters: each blocks its thread, none waits for another.
        const int jobs = 300;
        int arrived = 0, left = 0;
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var threads = new int[jobs];

        for (var i = 0; i < jobs; i++)
        {
            var job = i;
            DedicatedThread.Start("procman test", 256 * 1024, () =>
            {
                threads[job] = Environment.CurrentManagedThreadId;
                if (Interlocked.Increment(ref arrived) == jobs)
                    allThere.SetResult();
                release.Wait();
                if (Interlocked.Increment(ref left) == jobs)
                    allGone.SetResult();
            });
        }
        await allThere.Task;
        release.Set();
        await allGone.Task;

        threads.Distinct().Should().HaveCount(jobs);
    }

    private static List<string> ThreadNames()
    {
        var names = new List<string>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                names.Add(File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n'));
            }
            catch (IOException)
            {
                // That thread (another test's) ended since the listing.
            }
        }
        return names;
    }
}
