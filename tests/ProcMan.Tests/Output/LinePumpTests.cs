using System.Text;
using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Processes.Linux;
using Xunit;

namespace ProcMan.Tests.Output;

public sealed class LinePumpTests
{
    [Fact(Timeout = 30_000)]
    public async Task I_get_a_line_longer_than_the_limit_as_pieces_of_the_limit_with_no_byte_lost()
    {
        // 25 bytes, then a line of exactly the limit, then a short one with no newline.
        var lines = await PumpAsync("printf 'abcdefghijklmnopqrstuvwxy\\n0123456789\\nend'", maxLineLength: 10);

        lines.Should().Equal("abcdefghij", "klmnopqrst", "uvwxy", "0123456789", "end");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_long_lines_split_the_same_way_however_the_writes_arrive()
    {
        // The same 25-byte line, written in dribs and drabs across several reads.
        var lines = await PumpAsync("printf abcdefg; sleep 0.05; printf hijklmn; sleep 0.05; printf 'opqrstuvwxy\\n'", maxLineLength: 10);

        lines.Should().Equal("abcdefghij", "klmnopqrst", "uvwxy");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_observer_reports_on_a_line_only_once_the_line_is_in_the_channel()
    {
        // So that "web is ready" can never be printed before the line that made it ready.
        var channel = new OutputChannel();
        bool? lineWasQueued = null;
        var observer = new ReportingObserver(() => lineWasQueued = channel.Reader.TryPeek(out var chunk)
            && Encoding.UTF8.GetString(chunk.Lines) == "listening\n");
        var spec = new ProcessSpec("test", ["/bin/sh", "-c", "echo listening"], Environment.CurrentDirectory, EnvironmentOfThisProcess());
        using var child = new LinuxProcessLauncher().Start(spec);

        await new LinePump(new OutputSource("test", 0), OutputStream.StandardOutput, channel, observers: [observer]).RunAsync(child.StandardOutput);

        lineWasQueued.Should().BeTrue();
    }

    private sealed class ReportingObserver(Action report) : ILineObserver
    {
        public Action? OnLines(in OutputChunk chunk) => report;
    }

    private static async Task<List<string>> PumpAsync(string command, int maxLineLength)
    {
        var channel = new OutputChannel();
        var spec = new ProcessSpec("test", ["/bin/sh", "-c", command], Environment.CurrentDirectory, EnvironmentOfThisProcess());
        using var child = new LinuxProcessLauncher().Start(spec);
        var source = new OutputSource("test", 0);

        var text = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync())
            {
                text.Append(Encoding.UTF8.GetString(chunk.Lines));
                channel.Consumed(chunk);
            }
        });
        await new LinePump(source, OutputStream.StandardOutput, channel, maxLineLength).RunAsync(child.StandardOutput);
        channel.Complete();
        await reading;
        text.ToString().Should().EndWith("\n", "every piece is written as a whole line");
        return [.. text.ToString().TrimEnd('\n').Split('\n')];
    }

    private static Dictionary<string, string> EnvironmentOfThisProcess() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
}
