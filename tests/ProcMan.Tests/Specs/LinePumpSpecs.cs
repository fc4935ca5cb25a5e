using System.Text;
using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Tests.Unit.Output;
using ProcMan.Processes.Linux;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class LinePumpSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task I_get_a_line_longer_than_the_limit_in_pieces_that_add_up_to_it_byte_for_byte()
    {
        var chunks = await PumpAsync("head -c 100000 /dev/zero | tr '\\0' x; echo; echo after", maxLineLength: 1000);

        string.Concat(chunks.Select(chunk => chunk.Text)).Should().Be(new string('x', 100_000) + "\nafter\n");
        chunks[0].Part.Should().Be(LinePart.First);
        chunks.Should().ContainSingle(chunk => chunk.Part == LinePart.Last).Which.Text.Should().EndWith("\n");
        chunks.Where(chunk => chunk.Part is LinePart.First or LinePart.Middle)
            .Should().OnlyContain(chunk => chunk.Text.Length == 1000, "a pump holds no more of a line than its limit");
        chunks[^1].Should().Be((LinePart.Whole, "after\n"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_long_lines_in_pieces_as_the_writes_arrive_and_no_newline_added()
    {
        // A 25-byte line, written in dribs and drabs across several reads.
        var chunks = await PumpAsync("printf abcdefg; sleep 0.05; printf hijklmn; sleep 0.05; printf 'opqrstuvwxy\\n'", maxLineLength: 10);

        chunks.Should().Equal((LinePart.First, "abcdefghij"), (LinePart.Last, "klmnopqrstuvwxy\n"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_a_long_final_line_without_newline_ended_with_one()
    {
        var chunks = await PumpAsync("printf abcdefghijklmno", maxLineLength: 10);

        chunks.Should().Equal((LinePart.First, "abcdefghij"), (LinePart.Last, "klmno\n"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_a_long_line_cut_into_pieces_between_characters_not_inside_one()
    {
        // Nine ASCII bytes, then a two-byte character across the limit of 10.
        var chunks = await PumpAsync("printf 'aaaaaaaaa\\303\\251bbbbbbbbbb'; sleep 0.05; printf '\\n'", maxLineLength: 10);

        chunks.Should().Equal((LinePart.First, "aaaaaaaaa"), (LinePart.Middle, "ébbbbbbbb"), (LinePart.Last, "bb\n"));
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

        await new LinePump(new OutputSource("test", 0), OutputStream.StandardOutput, UndrainedInlet.For(channel), observers: [observer]).RunAsync(child.StandardOutput);

        lineWasQueued.Should().BeTrue();
    }

    private sealed class ReportingObserver(Action report) : ILineObserver
    {
        public Action? OnLines(in OutputChunk chunk) => report;
    }

    /// <summary>Each chunk the pump wrote: which part of a line it is, and its text.</summary>
    private static async Task<List<(LinePart Part, string Text)>> PumpAsync(string command, int maxLineLength)
    {
        var channel = new OutputChannel();
        var spec = new ProcessSpec("test", ["/bin/sh", "-c", command], Environment.CurrentDirectory, EnvironmentOfThisProcess());
        using var child = new LinuxProcessLauncher().Start(spec);
        var source = new OutputSource("test", 0);

        var chunks = new List<(LinePart, string)>();
        var reading = Task.Run(async () =>
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync())
            {
                chunks.Add((chunk.Part, Encoding.UTF8.GetString(chunk.Lines)));
                channel.Consumed(chunk);
            }
        });
        await new LinePump(source, OutputStream.StandardOutput, UndrainedInlet.For(channel), maxLineLength).RunAsync(child.StandardOutput);
        channel.Complete();
        await reading;
        return chunks;
    }

    private static Dictionary<string, string> EnvironmentOfThisProcess() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
}
