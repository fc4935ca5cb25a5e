using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary><c>log_configuration</c>, <c>truncate_log</c> and <c>disable_ansi_colors</c> as the loader reads them.</summary>
public sealed class LogConfigurationTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_process_compose_file_s_log_settings_load_top_level_and_per_process()
    {
        var loaded = Load.File(_directory.Write("process-compose.yaml", """
            log_location: all.log
            log_configuration:
              rotation: {max_size_mb: 5, max_backups: 3, max_age_days: 7, compress: true}
              timestamp_format: "2006-01-02T15:04:05.000Z07:00"
              no_color: true
              flush_each_line: true
              disable_json: true
              fields_order: [time, level, message]
            processes:
              web:
                command: 'true'
                log_location: web.log
                log_configuration: {add_timestamp: false, no_metadata: true, rotation: {}}
                truncate_log: true
                disable_ansi_colors: true
            """));

        var top = loaded.Document.LogSettings;
        top.Rotation.Should().Be(new LogRotation(5 * LogRotation.BytesPerMegabyte, 3, 7, Compress: true));
        top.TimestampPattern.Should().NotBeNull();
        top.NoColor.Should().BeTrue();
        top.FlushEachLine.Should().BeTrue();
        top.Timestamps.Should().BeTrue();

        var web = loaded.Document.Processes.Single();
        web.LogSettings.Timestamps.Should().BeFalse();
        web.LogSettings.NoMetadata.Should().BeTrue();
        web.LogSettings.Rotation!.MaxSizeBytes.Should().Be(LogRotation.DefaultMaxSizeMegabytes * LogRotation.BytesPerMegabyte, "lumberjack's default size");
        web.TruncateLog.Should().BeTrue();
        web.DisableAnsiColors.Should().BeTrue();
    }

    [Fact]
    public void Without_log_configuration_a_file_is_written_as_before()
    {
        var loaded = Load.File(_directory.Write("procfile.yml", "processes:\n  web: {command: 'true'}\n"));

        loaded.Document.LogSettings.Should().Be(LogSettings.Default);
        loaded.Document.Processes.Single().LogSettings.Should().Be(LogSettings.Default);
    }

    [Fact]
    public void Every_wrong_log_setting_is_reported_at_its_value()
    {
        var errors = Load.Errors(_directory.Write("process-compose.yaml", """
            log_configuration:
              timestamp_format: "yyyy-MM-dd"
              rotation: {max_size_mb: -1, compress: maybe}
              colour: false
            processes:
              web: {command: 'true', truncate_log: 1}
            """));

        errors.Select(e => (e.Line, e.Message)).Should().Satisfy(
            e => e.Line == 2 && e.Message.Contains("`timestamp_format`") && e.Message.Contains("is not a Go time layout"),
            e => e.Line == 3 && e.Message.Contains("`max_size_mb`"),
            e => e.Line == 3 && e.Message.Contains("`compress`"),
            e => e.Line == 4 && e.Message.Contains("`colour`"),
            e => e.Line == 6 && e.Message.Contains("`truncate_log`"));
    }
}
