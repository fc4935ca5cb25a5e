using System.IO.Compression;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Tests.Infrastructure;
using Xunit;
using static ProcMan.Tests.Unit.Output.Chunks;

namespace ProcMan.Tests.Unit.Output.Sinks;

/// <summary>A <c>log_location</c> file with its <c>log_configuration</c>, in a temporary directory.</summary>
public sealed class LogFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 3, 7, 14, 5, 9, 42, TimeSpan.Zero);

    private readonly TestDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Now) { };

    public LogFileTests() => _time.SetLocalTimeZone(TimeZoneInfo.Utc);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_file_over_its_size_is_rolled_over_with_lumberjack_s_names_and_no_line_is_split()
    {
        var path = _directory.Combine("logs/web.log");
        using (var file = Open(path, new LogSettings { Timestamps = false, Rotation = new LogRotation(MaxSizeBytes: 20, MaxBackups: 0, MaxAgeDays: 0, Compress: false) }))
        {
            for (var i = 1; i <= 5; i++)
            {
                file.Write(Of(Web, $"line {i} of 5\n")).Should().BeNull();
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        // 12 bytes a line: one fits in 20, two do not. A name says when the file was rolled over.
        File.ReadAllText(path).Should().Be("line 5 of 5\n");
        Backups().Should().Equal(
            ("web-2024-03-07T14-05-10.042.log", "line 1 of 5\n"),
            ("web-2024-03-07T14-05-11.042.log", "line 2 of 5\n"),
            ("web-2024-03-07T14-05-12.042.log", "line 3 of 5\n"),
            ("web-2024-03-07T14-05-13.042.log", "line 4 of 5\n"));
    }

    [Fact]
    public void Rolled_over_files_are_gzipped_and_only_the_newest_max_backups_are_kept()
    {
        var path = _directory.Combine("web.log");
        using (var file = Open(path, new LogSettings { Timestamps = false, Rotation = new LogRotation(20, MaxBackups: 2, MaxAgeDays: 0, Compress: true) }))
        {
            for (var i = 1; i <= 5; i++)
            {
                file.Write(Of(Web, $"line {i} of 5\n"));
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Backups().Should().Equal(
            ("web-2024-03-07T14-05-12.042.log.gz", "line 3 of 5\n"),
            ("web-2024-03-07T14-05-13.042.log.gz", "line 4 of 5\n"));
    }

    [Fact]
    public void Rolled_over_files_older_than_max_age_days_are_removed()
    {
        var path = _directory.Combine("web.log");
        _directory.Write("web-2024-02-01T00-00-00.000.log", "old\n");
        _directory.Write("web-2024-03-06T00-00-00.000.log", "recent\n");
        _directory.Write("web-notes.log", "not a backup\n");
        using (var file = Open(path, new LogSettings { Timestamps = false, Rotation = new LogRotation(20, 0, MaxAgeDays: 3, Compress: false) }))
        {
            file.Write(Of(Web, "line 1 of 2\n"));
            file.Write(Of(Web, "line 2 of 2\n"));
        }

        Backups().Select(b => b.Name).Should().Equal("web-2024-03-06T00-00-00.000.log", "web-2024-03-07T14-05-09.042.log");
        File.Exists(_directory.Combine("web-notes.log")).Should().BeTrue();
    }

    [Fact]
    public void An_existing_file_is_appended_to_and_rolled_over_when_the_next_line_would_pass_the_size()
    {
        var path = _directory.Write("web.log", "from the last run\n");
        using (var file = Open(path, new LogSettings { Timestamps = false, Rotation = new LogRotation(20, 0, 0, false) }))
            file.Write(Of(Web, "new run\n"));

        File.ReadAllText(path).Should().Be("new run\n");
        Backups().Should().ContainSingle().Which.Text.Should().Be("from the last run\n");
    }

    [Fact]
    public void No_color_strips_the_file_s_lines_and_leaves_the_chunk_as_it_was()
    {
        var path = _directory.Combine("web.log");
        var chunk = Of(Web, "\e[32mgreen\e[0m\n");
        using (var file = Open(path, new LogSettings { Timestamps = false, NoColor = true }))
            file.Write(chunk);

        File.ReadAllText(path).Should().Be("green\n");
        Encoding.UTF8.GetString(chunk.Lines).Should().Be("\e[32mgreen\e[0m\n", "the console and the other files get the colours");
    }

    [Fact]
    public void Flush_each_line_puts_each_batch_in_the_file_at_once()
    {
        var path = _directory.Combine("web.log");
        using var file = Open(path, new LogSettings { Timestamps = false, FlushEachLine = true });
        file.Write(Of(Web, "now\n"));

        ReadShared(path).Should().Be("now\n");
    }

    [Fact]
    public void Without_flush_each_line_lines_wait_for_the_drain_s_flush()
    {
        var path = _directory.Combine("web.log");
        using var file = Open(path, new LogSettings { Timestamps = false });
        file.Write(Of(Web, "later\n"));

        ReadShared(path).Should().BeEmpty();
        file.Flush();
        ReadShared(path).Should().Be("later\n");
    }

    [Fact]
    public void A_timestamp_format_and_no_metadata_shape_a_shared_file_s_lines()
    {
        var path = _directory.Combine("all.log");
        var pattern = GoTimeLayout.ToDotNet("[15:04]", out _);
        using (var files = LogFiles.Open(path, [("web", null), ("worker", null)], new LogSettings { TimestampPattern = pattern, NoMetadata = true }))
        {
            foreach (var file in files!.For(Web))
                file.Write(Of(Web, "hello\n") with { Time = new DateTimeOffset(2024, 3, 7, 14, 5, 0, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 3, 7))) });
        }

        File.ReadAllText(path).Should().Be("[14:05] hello\n");
    }

    private LogFile Open(string path, LogSettings settings) =>
        LogFile.Open(path, new LinePrefixer(new OutputFormat(Timestamps: settings.Timestamps) { Names = false }, ["web"]), settings, _time);

    private List<(string Name, string Text)> Backups() =>
        Directory.EnumerateFiles(_directory.Path, "*-2*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file), Read(file)))
            .ToList();

    private static string Read(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
            return File.ReadAllText(file);
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        return new StreamReader(gzip).ReadToEnd();
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
