using System.Diagnostics;
using System.Text;
using ProcMan.Processes;
using ProcMan.Processes.Linux;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A real <c>procman</c> process started by a test, its stdout captured byte for byte.
/// Every wait is bounded, so a hang fails the test instead of blocking the suite.
/// </summary>
internal sealed class ProcManRun : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The build under test: the one beside the tests, or <c>PROCMAN_UNDER_TEST</c> (a native
    /// AOT build, or an older build to see that a new spec fails without its fix).
    /// </summary>
    public static readonly string ExecutablePath =
        Environment.GetEnvironmentVariable("PROCMAN_UNDER_TEST") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "procman");

    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly List<string> _lines = [];
    private readonly Task _readingStdout;
    private readonly Task<string> _readingStderr;
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lineStart;

    private TaskCompletionSource _stdoutResumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<ReadOnlyMemory<byte>>? _stdoutReader;

    private ProcManRun(Process process, bool captureStdout, bool pauseStdout, Action<ReadOnlyMemory<byte>>? stdoutReader = null)
    {
        _process = process;
        _stdoutReader = stdoutReader;
        if (!pauseStdout)
            _stdoutResumed.SetResult();
        _readingStdout = captureStdout ? Task.Run(ReadStdoutAsync) : Task.CompletedTask;
        _readingStderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>procman ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static ProcManRun Start(string workingDirectory, params string[] arguments) =>
        Start(workingDirectory, arguments, environment: null);

    /// <summary>
    /// Starts <c>procman ARGS</c> with its stdout handed to <paramref name="stdoutReader"/> as it
    /// comes, not kept: for output too large to hold (<see cref="Lines"/> stays empty).
    /// </summary>
    public static ProcManRun Start(string workingDirectory, IEnumerable<string> arguments, Action<ReadOnlyMemory<byte>> stdoutReader) =>
        new(Process.Start(StartInfo(ExecutablePath, workingDirectory, arguments, environment: null, captureStdout: true))!, captureStdout: true, pauseStdout: false, stdoutReader);

    /// <param name="pauseStdout">Leave stdout unread until <see cref="ResumeStdout"/>: a stalled console.</param>
    public static ProcManRun Start(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, bool captureStdout = true, bool pauseStdout = false) =>
        Start(ExecutablePath, workingDirectory, arguments, environment, captureStdout, pauseStdout);

    /// <summary>
    /// Starts <c>procman ARGS</c> after the shell command <paramref name="setup"/> (a lowered
    /// <c>ulimit</c>), the shell replaced by procman so that its pid and signals are procman's.
    /// </summary>
    public static ProcManRun StartAfter(string setup, string workingDirectory, params string[] arguments) =>
        Start("/bin/sh", workingDirectory, ["-c", $"{setup} && exec \"$0\" \"$@\"", ExecutablePath, .. arguments], environment: null, captureStdout: true, pauseStdout: false);

    /// <summary>Starts ProcMan as the last argument of <paramref name="wrapper"/> (<c>timeout -s INT 1</c>), with its output captured.</summary>
    public static ProcManRun StartUnder(string[] wrapper, string workingDirectory, params string[] arguments) =>
        Start(wrapper[0], workingDirectory, [.. wrapper[1..], ExecutablePath, .. arguments], environment: null, captureStdout: true, pauseStdout: false);

    private static ProcManRun Start(string executable, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, bool captureStdout, bool pauseStdout) =>
        new(Process.Start(StartInfo(executable, workingDirectory, arguments, environment, captureStdout))!, captureStdout, pauseStdout);

    private static ProcessStartInfo StartInfo(string executable, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, bool captureStdout)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = captureStdout,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        // Tests see the plain, uncoloured format unless they ask otherwise.
        startInfo.Environment.Remove("FORCE_COLOR");
        // ...and without GitHub Actions' groups, even when the suite runs in GitHub Actions.
        startInfo.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            startInfo.Environment[key] = value;
        return startInfo;
    }

    /// <summary>Stops reading stdout (after the read in progress), like a reader that fell behind.</summary>
    public void PauseStdout()
    {
        lock (_gate)
        {
            if (_stdoutResumed.Task.IsCompleted)
                _stdoutResumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ResumeStdout()
    {
        lock (_gate)
            _stdoutResumed.TrySetResult();
    }

    public int Pid => _process.Id;

    /// <summary>The raw bytes of stdout so far.</summary>
    public byte[] StdoutBytes
    {
        get
        {
            lock (_gate)
                return _stdout.ToArray();
        }
    }

    /// <summary>The complete lines of stdout so far, decoded leniently.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
                return [.. _lines];
        }
    }

    public Stream StandardOutputStream => _process.StandardOutput.BaseStream;

    /// <summary>The pid of <paramref name="name"/>'s latest start, from procman's "started with pid" line.</summary>
    public int PidOf(string name)
    {
        var prefix = $"procman | {name} started with pid ";
        return int.Parse(Lines.Last(line => line.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..]);
    }

    public void Signal(UnixSignal signal) => LibC.Kill(Pid, signal.Number);

    /// <summary>Waits until a line satisfying <paramref name="predicate"/> has been written; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var checkedCount = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; checkedCount < _lines.Count; checkedCount++)
                {
                    if (predicate(_lines[checkedCount]))
                        return _lines[checkedCount];
                }

                changed = _changed.Task;
            }
            if (_readingStdout.IsCompleted)
                throw new TimeoutException($"procman's stdout ended without the expected line. Output:\n{Tail()}");
            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No expected line within {timeout ?? DefaultTimeout}. Output:\n{Tail()}");
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> lines satisfy <paramref name="predicate"/>.</summary>
    public async Task WaitForLinesAsync(Func<string, bool> predicate, int count, TimeSpan? timeout = null)
    {
        var seen = 0;
        await WaitForLineAsync(line => predicate(line) && ++seen == count, timeout);
    }

    /// <summary>Waits for procman to exit and its stdout to end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            await _readingStdout.WaitAsync(cancellation.Token);
            await _readingStderr.WaitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"procman did not exit within {timeout ?? DefaultTimeout}. Output:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    public string Stderr => _readingStderr.IsCompletedSuccessfully ? _readingStderr.Result : "";

    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A failed test must not leave a procman and its children behind: ask it to stop
            // them, and kill it only if it will not (a SIGKILLed procman orphans its children).
            ResumeStdout();
            Signal(UnixSignal.Terminate);
            Signal(UnixSignal.Terminate);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                LibC.Kill(Pid, UnixSignal.Kill.Number);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private string Tail()
    {
        lock (_gate)
            return string.Join('\n', _lines.TakeLast(30)) + $"\n[stderr]\n{(_readingStderr.IsCompletedSuccessfully ? _readingStderr.Result : "")}";
    }

    private async Task ReadStdoutAsync()
    {
        var stream = _process.StandardOutput.BaseStream;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                Task resumed;
                lock (_gate)
                    resumed = _stdoutResumed.Task;
                await resumed;
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                    break;
                if (_stdoutReader is { } reader)
                    reader(buffer.AsMemory(0, read));
                else
                    Append(buffer.AsSpan(0, read));
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException or IOException)
        {
            // The test closed stdout on purpose (a reader that goes away).
        }
        finally
        {
            lock (_gate)
                _changed.TrySetResult();
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var start = (int)_stdout.Length;
            _stdout.Write(bytes);
            var all = _stdout.GetBuffer().AsSpan(0, (int)_stdout.Length);
            for (var i = start; i < all.Length; i++)
            {
                if (all[i] != (byte)'\n')
                    continue;
                _lines.Add(Encoding.UTF8.GetString(all[_lineStart..i]));
                _lineStart = i + 1;
            }
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
