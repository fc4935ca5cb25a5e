using System.IO.Compression;
using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>process-compose's log settings on a real run: rotation, no_color, timestamps, disable_ansi_colors.</summary>
public sealed class LogConfigurationSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_process_compose_file_with_log_configuration_gets_a_rotated_gzipped_colourless_log_with_its_timestamps()
    {
        _directory.Write("process-compose.yaml", """
            log_location: logs/all.log
            log_configuration:
              no_color: true
              timestamp_format: "15:04:05"
              rotation: {max_size_mb: 1, max_backups: 1, compress: true}
            processes:
              flood:
                command: seq 1 200000
              painter:
                command: printf '\033[32mgreen\033[0m\n'
              plain:
                command: printf '\033[31mred\033[0m\n'
                disable_ansi_colors: true
            """);

        await using var procman = ProcManRun.Start(_directory.Path, "up", "--color", "never");
        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("painter | \e[32mgreen\e[0m", "no_color is for the file: the console keeps the colours");
        procman.Lines.Should().Contain("plain   | red", "disable_ansi_colors strips the process's output everywhere");

        var current = await File.ReadAllLinesAsync(_directory.Combine("logs/all.log"));
        current.Should().NotBeEmpty().And.OnlyContain(line => Regex.IsMatch(line, @"^\d\d:\d\d:\d\d [a-z]+ +\| "));
        current.Should().NotContain(line => line.Contains('\e'));

        // About 3 MB of lines: rolled over twice or more, and only the newest backup kept, gzipped.
        var backups = Directory.GetFiles(_directory.Combine("logs")).Where(file => file != _directory.Combine("logs/all.log")).ToList();
        backups.Should().ContainSingle().Which.Should().MatchRegex(@"all-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}\.log\.gz$");
        await using var gzip = new GZipStream(File.OpenRead(backups[0]), CompressionMode.Decompress);
        var backup = (await new StreamReader(gzip).ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        backup.Length.Should().BeGreaterThan(10_000);
        new FileInfo(backups[0]).Length.Should().BeLessThan(1024 * 1024, "it is compressed");
        backup.Concat(current).Where(line => line.Contains(" flood   | ", StringComparison.Ordinal)).Select(line => int.Parse(line[(line.IndexOf('|') + 2)..]))
            .Should().BeInAscendingOrder("the lines are in order across the files");
    }
}
