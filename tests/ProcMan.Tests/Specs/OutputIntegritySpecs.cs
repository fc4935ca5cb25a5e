using System.Text;
using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class OutputIntegritySpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task I_get_every_line_of_four_flooding_processes_whole_and_in_order()
    {
        const int linesEach = 100_000;
        var names = new[] { "alpha", "bravo", "charlie", "delta" };
        // Each floods, then idles, so no child's end cuts another's flood short.
        _directory.Write("procfile.yml", Procfile.Yaml(names
            .Select(name => (name, $"seq -f '{name} line %.0f of a flood' 1 {linesEach}; exec sleep 300"))
            .ToArray()));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        foreach (var name in names)
            await procman.WaitForLineAsync(line => line.EndsWith($"{name} line {linesEach} of a flood", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        procman.Signal(UnixSignal.Interrupt);
        (await procman.WaitForExitAsync()).Should().Be(130);

        var lines = procman.Lines;
        foreach (var name in names)
        {
            var prefix = $"{name.PadRight(7)} | ";
            var own = lines.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            own.Should().HaveCount(linesEach);
            for (var i = 0; i < linesEach; i++)
            {
                if (own[i] != $"{prefix}{name} line {i + 1} of a flood")
                    own[i].Should().Be($"{prefix}{name} line {i + 1} of a flood", "line {0} of {1} must be whole and in order", i + 1, name);
            }
        }
        lines.Where(line => !line.StartsWith("procman | ", StringComparison.Ordinal))
            .Should().HaveCount(names.Length * linesEach, "no line may be torn or merged into another");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_get_a_10_MB_line_and_invalid_UTF8_byte_exact()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("big", "head -c 10000000 /dev/zero | tr '\\0' 'x'; echo; printf 'bad \\377\\376\\200 bytes\\ttab\\033[31mred\\033[0m\\n'")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        var expected = new List<byte>();
        expected.AddRange("big     | "u8.ToArray());
        expected.AddRange(Enumerable.Repeat((byte)'x', 10_000_000));
        expected.Add((byte)'\n');
        expected.AddRange("big     | bad "u8.ToArray());
        expected.AddRange(new byte[] { 0xFF, 0xFE, 0x80 });
        expected.AddRange(" bytes\ttab\e[31mred\e[0m\n"u8.ToArray());
        ContainsSequence(procman.StdoutBytes, expected.ToArray()).Should().BeTrue("the child's bytes must pass through untouched");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_carriage_return_progress_output_as_one_line()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("bar", "printf '10%%\\r50%%\\r100%%\\n'")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("bar     | 10%\r50%\r100%");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_stdout_and_stderr_with_the_same_prefix()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("both", "echo to stdout; echo to stderr >&2")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain(["both    | to stdout", "both    | to stderr"]);
        procman.Stderr.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_the_last_line_even_without_a_newline()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("tail", "echo first; printf 'no newline at the end'")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().ContainInOrder("tail    | first", "tail    | no newline at the end");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_run_200_processes_at_once()
    {
        var processes = Enumerable.Range(1, 200).Select(i => ($"p{i}", $"echo hello from {i}; exec sleep 300")).ToArray();
        _directory.Write("procfile.yml", Procfile.Yaml(processes));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLinesAsync(line => line.Contains("| hello from ", StringComparison.Ordinal), 200);
        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        for (var i = 1; i <= 200; i++)
            procman.Lines.Should().Contain($"{$"p{i}",-7} | hello from {i}");
        procman.Lines.Count(line => line.StartsWith("procman | ", StringComparison.Ordinal) && line.Contains(" killed by SIGTERM", StringComparison.Ordinal))
            .Should().Be(200);
    }

    private static bool ContainsSequence(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
