using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Merging;

/// <summary>Errors in merged files name the file, line and column the wrong value was written at.</summary>
public sealed class MergeProvenanceTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_wrong_value_from_the_second_file_is_reported_in_the_second_file()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    replicas: many\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 3, 15));
        error.Message.Should().Contain("expected a whole number, got `many`");
    }

    [Fact]
    public void Errors_in_both_files_are_reported_at_once_each_in_its_file()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    disabled: maybe\n");
        var b = _directory.Write("b.yml", "processes:\n  worker:\n    comand: work\n");

        var errors = Load.ErrorsOf(a, b).Select(e => (e.File, e.Line, e.Column)).ToList();

        errors.Should().Contain((a, 4, 15)).And.Contain((b, 3, 5));
    }

    [Fact]
    public void An_unknown_key_from_the_second_file_is_reported_there()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    colour: red\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 3, 5));
    }

    [Fact]
    public void Each_file_is_checked_alone_for_duplicate_keys()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    command: a\n    command: b\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 4, 5));
        error.Message.Should().Contain("duplicate key `command`");
    }

    [Fact]
    public void A_key_both_files_write_is_the_same_key_not_a_duplicate()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    command: serve --prod\n");

        Load.Files(a, b).Document.Processes.Should().ContainSingle();
    }

    [Fact]
    public void A_process_missing_its_command_in_every_file_is_reported_where_it_was_first_declared()
    {
        var a = _directory.Write("a.yml", "processes:\n  web:\n    description: x\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    replicas: 2\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        error.Message.Should().Contain("needs a `command`");
        (error.File, error.Line, error.Column).Should().Be((a, 2, 3));
    }

    [Fact]
    public void A_template_error_from_the_second_file_is_reported_there()
    {
        var a = _directory.Write("process-compose.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    command: \"serve {{.MISSING}}\"\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 3, 14));
    }

    [Fact]
    public void An_expansion_error_from_the_second_file_is_reported_there()
    {
        var a = _directory.Write("process-compose.yml", "processes:\n  web:\n    command: serve\n");
        var b = _directory.Write("b.yml", "processes:\n  web:\n    command: \"serve ${BROKEN\"\n");

        var error = Load.ErrorsOf(a, b).Should().ContainSingle().Subject;

        (error.File, error.Line, error.Column).Should().Be((b, 3, 14));
    }

    [Fact]
    public void Each_files_disable_env_expansion_applies_to_that_file_only()
    {
        var a = _directory.Write("process-compose.yml", "disable_env_expansion: true\nprocesses:\n  web:\n    command: echo $HOME\n");
        var b = _directory.Write("b.yml", "processes:\n  worker:\n    command: echo $HOME\n");

        var processes = Load.Files(a, b).Document.Processes;

        processes.Single(p => p.Name == "web").Command.Should().Be("echo $HOME");
        processes.Single(p => p.Name == "worker").Command.Should().Be("echo /home/tester");
    }
}
