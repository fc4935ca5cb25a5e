using System.Text;
using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>Huge lines: every byte goes out, and ProcMan's memory stays within its bound (README, "Output").</summary>
public sealed class LongLineMemorySpecs : IDisposable
{
    private const int Children = 20;
    private const int LineLength = 20_000_000;

    /// <summary>
    /// README's bound for this case: 64 MiB in flight, 3 MiB for each of 20 streams inside a long
    /// line, 4 MiB of log ring for each of 20 processes, and 128 MiB for the runtime and the
    /// garbage of the burst not yet collected.
    /// </summary>
    private const long PeakBoundKiB = (64 + Children * 3 + Children * 4 + 128) * 1024;

    /// <summary>Once the burst is over, its memory goes back: the runtime and a little more.</summary>
    private const long IdleBoundKiB = 128 * 1024;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task I_see_the_others_lines_go_on_when_a_process_stops_in_the_middle_of_a_long_line()
    {
        // 3 MB without a newline (three pieces), then nothing: the others wait for the line's end
        // only until its child has kept them waiting a second.
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("half", "head -c 3000000 /dev/zero | tr '\\0' x; exec sleep 300"),
            ("other", "sleep 0.5; echo still here; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");

        await up.WaitForLineAsync(line => line == "other   | still here", TimeSpan.FromSeconds(30));
    }

    [Fact(Timeout = 300_000)]
    public async Task I_get_20_lines_of_20_MB_whole_on_the_console_and_in_the_log_file_while_ProcMan_stays_within_its_memory_bound()
    {
        var names = Enumerable.Range(1, Children).Select(i => $"w{i:00}").ToArray();
        _directory.Write("procfile.yml", "log_location: all.log\n" + Procfile.Yaml(names
            .Select(name => (name, $"head -c {LineLength} /dev/zero | tr '\\0' x; echo; exec sleep 1000"))
            .ToArray()));
        var console = new LineTally();
        var allLines = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var procman = ProcManRun.Start(_directory.Path, ["up"], bytes =>
        {
            if (console.Add(bytes.Span) && console.Lines.Count(line => line.Name.StartsWith('w')) == Children)
                allLines.TrySetResult();
        });

        await allLines.Task.WaitAsync(TimeSpan.FromSeconds(240));
        var peak = StatusKiB(procman.Pid, "VmHWM");
        var idle = await IdleRssAsync(procman.Pid, TimeSpan.FromSeconds(20));
        procman.Signal(UnixSignal.Interrupt);
        (await procman.WaitForExitAsync()).Should().Be(130);

        var consoleLines = console.Lines.Where(line => line.Name.StartsWith('w')).ToList();
        consoleLines.Select(line => line.Name).Should().BeEquivalentTo(names, "each child's line comes once, whole, under one prefix");
        consoleLines.Should().OnlyContain(line => line.Length == LineLength && line.OnlyX, "every byte reaches the console, none added");
        var file = new LineTally();
        await using (var log = File.OpenRead(_directory.Combine("all.log")))
        {
            var buffer = new byte[1024 * 1024];
            int read;
            while ((read = await log.ReadAsync(buffer)) > 0)
                file.Add(buffer.AsSpan(0, read));
        }
        var fileLines = file.Lines.Where(line => line.Name.StartsWith('w')).ToList();
        fileLines.Select(line => line.Name).Should().BeEquivalentTo(names);
        fileLines.Should().OnlyContain(line => line.Length == LineLength && line.OnlyX, "every byte reaches the log file, none added");
        peak.Should().BeLessThan(PeakBoundKiB, "the peak (VmHWM, KiB) stays within the documented bound");
        idle.Should().BeLessThan(IdleBoundKiB, "the memory of the burst goes back once the children idle (VmRSS, KiB)");
    }

    [Fact(Timeout = 120_000)]
    public async Task I_see_a_20_MB_line_in_procman_logs_truncated_with_a_marker()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", $"head -c {LineLength} /dev/zero | tr '\\0' x; echo; echo after; exec sleep 1000")));
        var console = new LineTally();
        var after = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var up = ProcManRun.Start(_directory.Path, ["up"], bytes =>
        {
            if (console.Add(bytes.Span) && console.Lines.Any(line => line.Name == "web" && line.Length == 5))
                after.TrySetResult();
        });
        await after.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var logs = await ProcManCommand.RunAsync(_directory.Path, "logs", "web");

        logs.ExitCode.Should().Be(0);
        logs.Lines.Where(line => !line.StartsWith("procman | ", StringComparison.Ordinal)).Should().Equal("web     | " + new string('x', 65_536) + "… [truncated 19.9 MB]", "web     | after");
    }

    /// <summary>VmRSS once it has come down under the idle bound, or as it is after <paramref name="patience"/>.</summary>
    private static async Task<long> IdleRssAsync(int pid, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var rss = StatusKiB(pid, "VmRSS");
            if (rss < IdleBoundKiB || timeout.IsCancellationRequested)
                return rss;
            try
            {
                // Polled: the trim after a burst is ProcMan's own business, with no event to wait on.
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static long StatusKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(line => line.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
    }

    /// <summary>
    /// Takes output as it comes and keeps, for each line, its name, the length of its text and
    /// whether that text is all <c>x</c>: enough to check 400 MB without holding it.
    /// </summary>
    private sealed class LineTally
    {
        private readonly List<(string Name, long Length, bool OnlyX)> _lines = [];
        private readonly List<byte> _head = [];
        private bool _inText;
        private long _length;
        private bool _onlyX = true;

        public IReadOnlyList<(string Name, long Length, bool OnlyX)> Lines
        {
            get
            {
                lock (_lines)
                    return [.. _lines];
            }
        }

        /// <summary>Returns whether a line was completed.</summary>
        public bool Add(ReadOnlySpan<byte> bytes)
        {
            var completed = false;
            while (!bytes.IsEmpty)
            {
                if (!_inText)
                {
                    // The prefix, up to "| ".
                    var b = bytes[0];
                    bytes = bytes[1..];
                    if (b == (byte)'\n')
                    {
                        EndLine();
                        completed = true;
                        continue;
                    }
                    _head.Add(b);
                    _inText = _head.Count >= 2 && _head[^2] == (byte)'|' && _head[^1] == (byte)' ';
                    continue;
                }
                var newline = bytes.IndexOf((byte)'\n');
                var text = newline < 0 ? bytes : bytes[..newline];
                _length += text.Length;
                _onlyX &= text.IndexOfAnyExcept((byte)'x') < 0;
                bytes = newline < 0 ? default : bytes[(newline + 1)..];
                if (newline >= 0)
                {
                    EndLine();
                    completed = true;
                }
            }
            return completed;
        }

        private void EndLine()
        {
            // "[date time ]name   | ": the name is the last word before the bar.
            var head = Encoding.UTF8.GetString([.. _head]).TrimEnd(' ', '|').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            lock (_lines)
                _lines.Add((head.Length > 0 ? head[^1] : "", _length, _onlyX));
            _head.Clear();
            _inText = false;
            _length = 0;
            _onlyX = true;
        }
    }
}
