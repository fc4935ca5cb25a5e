using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class ClassicProcfileTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("web: bundle exec rails s", "web", "bundle exec rails s")]
    [InlineData("web:bundle exec rails s   ", "web", "bundle exec rails s")]
    [InlineData("  web_2-b :  run  ", "web_2-b", "run")]
    [InlineData("clock: ruby -e 'puts Time.now.strftime(\"%H:%M:%S\")'", "clock", "ruby -e 'puts Time.now.strftime(\"%H:%M:%S\")'")]
    [InlineData("web: serve # not a comment, the shell decides", "web", "serve # not a comment, the shell decides")]
    [InlineData("web: echo $PORT\r", "web", "echo $PORT")]
    public void I_get_each_line_as_a_shell_command_kept_verbatim(string line, string name, string command)
    {
        var path = _directory.Write("Procfile", line + "\n");

        var process = Load.File(path).Processes.Single();

        process.Name.Should().Be(name);
        process.Arguments.Should().Equal("/bin/sh", "-c", command);
        process.WorkingDirectory.Should().Be(_directory.Path);
    }

    [Fact]
    public void I_can_use_comments_blank_lines_and_windows_line_endings()
    {
        var path = _directory.Write("Procfile.dev", "# processes\r\n\r\nweb: serve\r\n   # indented comment\r\n   \r\nworker: work --queue=default\r\n");

        var configuration = Load.File(path);

        configuration.Document.Format.Should().Be(ProcfileFormat.Procfile);
        configuration.Processes.Select(p => (p.Name, p.Arguments[2])).Should().Equal(
            ("web", "serve"), ("worker", "work --queue=default"));
    }

    [Theory]
    [InlineData("web: serve\nweb: other\n", "duplicate process `web` (first defined on line 1)", 2, 1)]
    [InlineData("web: serve\nworker:\n", "process `worker` has no command", 2, 8)]
    [InlineData("web: serve\n  worker:   \n", "process `worker` has no command", 2, 10)]
    [InlineData("web: serve\njust some words\n", "expected `NAME: COMMAND`, got `just some words`", 2, 1)]
    [InlineData("web: serve\n   indented words\n", "expected `NAME: COMMAND`, got `indented words`", 2, 4)]
    [InlineData("my web: serve\n", "invalid process name `my web`: use letters, digits, `_` and `-`", 1, 1)]
    [InlineData("web.1: serve\n", "invalid process name `web.1`", 1, 1)]
    [InlineData(": serve\n", "invalid process name ``", 1, 1)]
    [InlineData("procman: serve\n", "`procman` is reserved", 1, 1)]
    [InlineData("web: serve\r\nbad line\r\n", "expected `NAME: COMMAND`, got `bad line`", 2, 1)]
    public void I_get_the_line_and_column_of_a_bad_procfile_line(string procfile, string message, int line, int column)
    {
        var path = _directory.Write("Procfile", procfile);

        var errors = Load.Errors(path);

        errors.Should().ContainSingle();
        errors[0].Should().Match<ConfigurationError>(e => e.File == path && e.Line == line && e.Column == column);
        errors[0].Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n\n")]
    public void I_am_told_a_procfile_without_entries_defines_nothing(string procfile)
    {
        var path = _directory.Write("Procfile", procfile);

        Load.Errors(path).Should().ContainSingle().Which.Should().Be(
            new ConfigurationError(path, null, null, "no processes defined: expected lines of `NAME: COMMAND`"));
    }

    [Fact]
    public void I_see_all_bad_lines_of_a_procfile_at_once()
    {
        var path = _directory.Write("Procfile", "web: serve\noops\nweb: again\nworker:\n");

        Load.Errors(path).Select(e => e.Line).Should().Equal(2, 3, 4);
    }

    [Fact]
    public void I_get_the_default_env_file_beside_a_procfile()
    {
        _directory.Write(".env", "DATABASE_URL=postgres://localhost/dev\n");
        var path = _directory.Write("Procfile", "web: serve\n");

        Load.File(path).Processes.Single().Environment["DATABASE_URL"].Should().Be("postgres://localhost/dev");
    }
}
