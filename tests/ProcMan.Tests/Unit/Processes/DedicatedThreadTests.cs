using FluentAssertions;
using ProcMan.Processes;
using Xunit;

namespace ProcMan.Tests.Unit.Processes;

public sealed class DedicatedThreadTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_job_runs_on_a_thread_of_its_own_that_ps_and_perf_show_by_name()
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        var job = DedicatedThread.Run("procman test", 256 * 1024, () =>
        {
            started.SetResult(Environment.CurrentManagedThreadId);
            release.Wait();
        });
        var jobThread = await started.Task;

        jobThread.Should().NotBe(Environment.CurrentManagedThreadId);
        ThreadNames().Should().Contain("procman test");
        release.Set();
        await job;
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_jobs_run_at_once_each_on_its_own_thread()
    {
        // As many as 100 children's pumps and waiters: each blocks its thread, none waits for another.
        const int jobs = 300;
        var arrived = 0;
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();

        var running = Enumerable.Range(0, jobs).Select(_ => DedicatedThread.Run("procman test", 256 * 1024, () =>
        {
            if (Interlocked.Increment(ref arrived) == jobs)
                allThere.SetResult();
            release.Wait();
            return Environment.CurrentManagedThreadId;
        })).ToList();
        await allThere.Task;
        release.Set();
        var threads = await Task.WhenAll(running);

        threads.Distinct().Should().HaveCount(jobs);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_job_s_task_carries_its_result_or_what_it_threw()
    {
        var answer = DedicatedThread.Run("procman test", 256 * 1024, () => 42);
        var failure = DedicatedThread.Run("procman test", 256 * 1024, () => throw new IOException("the pipe broke"));

        (await answer).Should().Be(42);
        await failure.Invoking(async task => await task).Should().ThrowAsync<IOException>().WithMessage("the pipe broke");
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
