using System.Text;
using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Replicas, formations and env files asking for more than ProcMan can hold are refused before anything is planned.</summary>
public sealed class ReplicaBoundTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("2147483647")]
    [InlineData("1000000")]
    [InlineData("1001")]
    public void ProcMan_refuses_more_than_1000_replicas_of_a_process_before_planning_them(string replicas)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: run\n    replicas: {replicas}\n");

        var errors = Load.Errors(path);

        errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"{path}:4:15: `replicas` in process `web` must be at most 1000, got {replicas}");
    }

    [Fact]
    public void I_can_run_1000_replicas_of_a_process()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n    replicas: 1000\n");

        Load.File(path).Plans.Should().ContainSingle().Which.Instances.Should().HaveCount(1000);
    }

    [Theory]
    [InlineData("all=2147483647", "`all=2147483647`: at most 1000 replicas of each process, got 2147483647")]
    [InlineData("web=1001", "`web=1001`: at most 1000 replicas of process `web`, got 1001")]
    public void ProcMan_refuses_a_formation_of_more_than_1000_replicas(string formation, string message)
    {
        var exception = Assert.Throws<ConfigurationException>(() => Formation.Parse(formation));

        exception.Errors.Should().ContainSingle().Which.Should().Be(new ConfigurationError("formation", null, null, message));
    }

    [Fact]
    public void ProcMan_refuses_more_than_10000_instances_in_all_and_names_the_largest()
    {
        var yaml = new StringBuilder("processes:\n");
        for (var i = 0; i < 11; i++)
        {
            yaml.Append($"  p{i}:\n    command: run\n    replicas: {(i == 5 ? 1000 : 999)}\n");
        }

        var path = _directory.Write("procman.yaml", yaml.ToString());

        Load.Errors(path).Should().ContainSingle().Which.Should().Be(new ConfigurationError(
            path, null, null, "the processes would start 10990 instances in all (`p5` 1000, `p0` 999, `p1` 999, ...), more than the 10000 ProcMan runs"));
    }

    [Fact]
    public void ProcMan_refuses_a_formation_that_adds_up_to_more_than_10000_instances()
    {
        var yaml = new StringBuilder("processes:\n");
        for (var i = 0; i < 11; i++)
        {
            yaml.Append($"  p{i}:\n    command: run\n");
        }

        var path = _directory.Write("procman.yaml", yaml.ToString());

        Load.Errors(path, Load.Options with { Formation = Formation.Parse("all=1000") }).Should().ContainSingle()
            .Which.Should().Match<ConfigurationError>(e => e.File == "formation" && e.Message.StartsWith("the processes would start 11000 instances in all"));
    }

    [Fact]
    public void ProcMan_refuses_an_env_file_whose_values_double_past_16_mi_characters()
    {
        var env = new StringBuilder("A=0123456789abcdef\n");
        for (var i = 0; i < 30; i++)
        {
            env.Append("A=$A$A\n");
        }

        _directory.Write(".env", env.ToString());
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n");

        Load.Errors(path).Should().ContainSingle().Which.ToString().Should().Be(
            $"{Path.Combine(_directory.Path, ".env")}:21:1: the values of this file add up to more than 16 Mi characters once expanded, the most ProcMan accepts");
    }

    [Fact]
    public void I_see_the_first_100_errors_of_a_file_of_bad_lines_and_how_many_more()
    {
        _directory.Write(".env", string.Concat(Enumerable.Repeat("!\n", 200_000)));
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n");

        var errors = Load.Errors(path);

        errors.Should().HaveCount(101);
        errors[^1].Message.Should().Be("199900 more errors not shown");
    }
}
