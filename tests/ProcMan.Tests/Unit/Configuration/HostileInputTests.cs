using System.Text;
using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Files written to hurt: each is refused quickly, with its position, within the documented bounds.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(30_000)]
    [InlineData(65)]
    public void ProcMan_refuses_flow_nesting_deeper_than_64_levels_and_names_where(int depth)
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\nx: " + new string('[', depth) + new string(']', depth) + "\n");

        var errors = Load.Errors(path);

        errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"{path}:4:67: mappings and lists nest more than 64 levels deep here, the most ProcMan accepts");
    }

    [Fact]
    public void I_can_nest_64_levels_and_get_the_usual_errors()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n    description: " + new string('[', 61) + new string(']', 61) + "\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Contain("`description` in process `web`: expected a string, got a list");
    }

    [Fact]
    public void ProcMan_refuses_aliases_that_expand_beyond_16_mi_characters_and_names_where()
    {
        var value = new string('x', 1024 * 1024);
        var yaml = new StringBuilder($"v: &v {value}\nprocesses:\n  web:\n    command: run\n    environment:\n");
        for (var i = 0; i < 2000; i++)
        {
            yaml.Append($"      A{i}: *v\n");
        }

        var path = _directory.Write("procman.yaml", yaml.ToString());

        var errors = Load.Errors(path);

        errors.Should().ContainSingle().Which.ToString().Should().Be(
            $"{path}:20:12: the document stands for more than 16 Mi characters once its aliases are expanded, the most ProcMan accepts");
    }

    [Fact]
    public void ProcMan_refuses_an_alias_bomb_of_nested_lists()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var path = _directory.Write("procman.yaml", yaml + "processes:\n  web:\n    command: run\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Contain("once its aliases are expanded");
    }

    [Fact]
    public void ProcMan_refuses_a_configuration_file_over_4_mib()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n#" + new string('x', 4 * 1024 * 1024) + "\n");

        Load.Errors(path).Should().ContainSingle().Which.Should().Be(
            new ConfigurationError(path, null, null, "is larger than 4 MiB, the most ProcMan reads"));
    }

    [Fact]
    public void ProcMan_refuses_an_env_file_over_4_mib_and_names_where_it_is_named()
    {
        _directory.Write("big.env", "A=" + new string('x', 4 * 1024 * 1024) + "\n");
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: run\n    env_file: big.env\n");

        Load.Errors(path).Should().ContainSingle().Which.ToString().Should().EndWith(
            ":4:15: env file `" + Path.Combine(_directory.Path, "big.env") + "` is larger than 4 MiB, the most ProcMan reads");
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public void ProcMan_refuses_a_device_as_env_file_and_names_the_path(string device)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: run\n    env_file: {device}\n");

        Load.Errors(path).Should().ContainSingle().Which.ToString().Should().Be(
            $"{path}:4:15: env file `{device}` is not a regular file (a device, pipe or socket cannot be read as configuration)");
    }

    [Fact]
    public async Task ProcMan_refuses_a_fifo_as_env_file_rather_than_waiting_on_it()
    {
        var fifo = await _directory.CreateFifoAsync("pipe.env");
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: run\n    env_file: {fifo}\n");

        var load = Task.Run(() => Load.Errors(path));

        (await load.WaitAsync(TimeSpan.FromSeconds(10))).Should().ContainSingle().Which.Message.Should().Contain("is not a regular file");
    }

    [Fact]
    public void ProcMan_refuses_a_directory_as_configuration_file()
    {
        var path = _directory.CreateDirectory("procman.yaml");

        Load.Errors(path).Should().ContainSingle().Which.Should().Be(new ConfigurationError(path, null, null, "is a directory, not a file"));
    }

    [Theory]
    [InlineData("working_dir", 4)]
    [InlineData("env_file", 4)]
    [InlineData("log_location", 4)]
    [InlineData("command", 3)]
    public void ProcMan_refuses_a_nul_character_in_a_value_and_names_where(string key, int line)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: run\n    {key}: \"a\\0b\"\n".Replace("command: run\n    command:", "command:"));

        Load.Errors(path).Should().Contain(e => e.Line == line && e.Message.StartsWith($"`{key}` in process `web` contains a NUL character"));
    }

    [Fact]
    public async Task I_can_load_a_chain_of_10000_dependencies_on_a_small_stack()
    {
        var yaml = new StringBuilder("processes:\n");
        for (var i = 0; i < 10_000; i++)
        {
            // Each sets its PORT: 10,000 blocks of 100 ports from 5000 would pass 65535.
            yaml.Append($"  p{i}:\n    command: run\n    environment: {{PORT: \"80\"}}\n");
            if (i < 9_999)
            {
                yaml.Append($"    depends_on: [p{i + 1}]\n");
            }
        }

        var path = _directory.Write("procman.yaml", yaml.ToString());
        LoadedConfiguration? loaded = null;
        Exception? failure = null;

        // 256 KiB, as a thread pool thread may have: the depth must not depend on the stack's size.
        var thread = new Thread(
            () =>
            {
                try
                {
                    loaded = Load.File(path);
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        await Task.Run(() => thread.Join(TimeSpan.FromSeconds(30)));

        failure.Should().BeNull();
        loaded.Should().NotBeNull();
        loaded!.Plans.Should().HaveCount(10_000);
    }
}
