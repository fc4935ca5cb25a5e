using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>
/// process-compose loads <c>.env</c> without overriding its own environment; ProcMan's files let
/// <c>.env</c> override it. <see cref="Load.Inherited"/> sets SHARED=from-inherited.
/// </summary>
public sealed class ProcessComposeDotEnvPrecedenceTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Write(string fileName)
    {
        _directory.Write(".env", "SHARED=from-dotenv\nONLY_DOTENV=from-dotenv\n");
        return _directory.Write(fileName, """
            environment: [ "TOP=from-file" ]
            processes:
              web:
                command: echo $SHARED
            """);
    }

    [Theory]
    [InlineData("process-compose.yaml", "from-inherited")]
    [InlineData("procfile.yml", "from-dotenv")]
    public void The_process_s_environment_takes_a_variable_set_in_both_from_the_dialect_s_winner(string fileName, string winner)
    {
        var environment = Load.File(Write(fileName)).Processes.Single().Environment;

        environment["SHARED"].Should().Be(winner);
        environment["ONLY_DOTENV"].Should().Be("from-dotenv", "a variable only .env sets is set in both dialects");
        environment["TOP"].Should().Be("from-file");
    }

    [Fact]
    public void The_file_s_environment_still_overrides_ProcMan_s_own_in_a_process_compose_file()
    {
        var path = _directory.Write("process-compose.yaml", """
            environment: [ "SHARED=from-file" ]
            processes:
              web:
                command: serve
            """);

        Load.File(path).Processes.Single().Environment["SHARED"].Should().Be("from-file");
    }
}
