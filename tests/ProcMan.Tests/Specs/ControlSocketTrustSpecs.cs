using FluentAssertions;
using ProcMan.Control;
using ProcMan.Processes.Linux;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>
/// The control socket's directory and path, made or taken over by someone else. Each test has
/// a temp directory of its own ($TMPDIR), so that the shared /tmp/procman-UID is never touched.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlSocketTrustSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly Dictionary<string, string?> _environment;
    private readonly string _socketDirectory;
    private readonly string _socket;

    public ControlSocketTrustSpecs()
    {
        var temp = _directory.CreateDirectory("tmp");
        _environment = new() { ["TMPDIR"] = temp, ["XDG_RUNTIME_DIR"] = null };
        _socketDirectory = Path.Combine(temp, $"procman-{LibC.GetEffectiveUserId()}");
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        _socket = Path.Combine(_socketDirectory, ControlSocketPath.FileName(file));
    }

    public void Dispose() => _directory.Dispose();

    [RootFact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_socket_directory_another_user_made()
    {
        Directory.CreateDirectory(_socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await ChownAsync(_socketDirectory, ForeignControlServer.UserId);

        await ExpectRefusalAsync($"{_socketDirectory} belongs to uid 12345, not to you (uid 0); another user may have made it to intercept procman's socket: remove it");
    }

    [Fact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_socket_directory_that_is_a_symbolic_link()
    {
        var elsewhere = _directory.CreateDirectory("elsewhere");
        File.SetUnixFileMode(elsewhere, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateSymbolicLink(_socketDirectory, elsewhere);

        await ExpectRefusalAsync($"{_socketDirectory} is a symbolic link; procman's socket directory must be a real directory of your own: remove it");
        Directory.EnumerateFileSystemEntries(elsewhere).Should().BeEmpty("nothing was made through the link");
    }

    [Fact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_socket_directory_open_to_other_users()
    {
        Directory.CreateDirectory(_socketDirectory);
        File.SetUnixFileMode(_socketDirectory, (UnixFileMode)0b111_111_111);

        await ExpectRefusalAsync($"{_socketDirectory} is open to other users (mode 0777); it must be 0700: chmod 700 {_socketDirectory}");
    }

    [Fact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_socket_directory_that_is_a_file()
    {
        File.WriteAllText(_socketDirectory, "not a directory");

        await ExpectRefusalAsync($"{_socketDirectory} is a regular file, not a directory; procman's socket directory must be a directory of your own: remove it");
    }

    [Fact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_directory_at_the_socket_path_and_leaves_it()
    {
        MakeSocketDirectory();
        Directory.CreateDirectory(_socket);

        await ExpectRefusalAsync($"{_socket} is a directory, not procman's control socket: remove it");
        Directory.Exists(_socket).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task ProcMan_refuses_a_regular_file_at_the_socket_path_and_never_deletes_it()
    {
        MakeSocketDirectory();
        File.WriteAllText(_socket, "precious");

        await ExpectRefusalAsync($"{_socket} is a regular file, not procman's control socket: remove it");
        File.ReadAllText(_socket).Should().Be("precious");
    }

    [RootFact(Timeout = 30_000, Tool = "python3")]
    public async Task ProcMan_refuses_a_socket_at_its_path_that_belongs_to_another_user()
    {
        MakeSocketDirectory();
        await using (await ForeignControlServer.StartAsync(_socket))
        {
        }
        await ChownAsync(_socket, ForeignControlServer.UserId);

        await ExpectRefusalAsync($"{_socket} belongs to uid 12345, not to you (uid 0): remove it");
        File.Exists(_socket).Should().BeTrue("another user's socket is not deleted as stale");
    }

    [RootFact(Timeout = 30_000, Tool = "python3")]
    public async Task I_am_not_fooled_by_a_server_of_another_user_on_my_socket()
    {
        MakeSocketDirectory();
        await using var foreign = await ForeignControlServer.StartAsync(_socket);

        foreach (var command in new[] { "ps", "down", "stop", "logs" })
        {
            var arguments = command == "stop" ? new[] { command, "web" } : [command];
            var refused = await ProcManCommand.RunAsync(_directory.Path, _environment, arguments);
            refused.Should().Match<ProcManCommand.Result>(r => r.ExitCode == 1 && r.Stdout == "", command);
            refused.Stderr.Should().Be($"procman: the process answering on {_socket} runs as uid 12345, not as you (uid 0); not trusting it\n", command);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task I_find_the_socket_in_my_runtime_directory_when_there_is_one()
    {
        var runtime = _directory.CreateDirectory("runtime");
        File.SetUnixFileMode(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var withRuntime = new Dictionary<string, string?>(_environment) { ["XDG_RUNTIME_DIR"] = runtime };
        await using (var up = ProcManRun.Start(_directory.Path, ["up"], withRuntime))
        {
            await up.WaitForLineAsync(line => line == "web     | up");

            File.Exists(Path.Combine(runtime, "procman", Path.GetFileName(_socket))).Should().BeTrue();
            (await ProcManCommand.RunAsync(_directory.Path, withRuntime, "down")).ExitCode.Should().Be(0);
            (await up.WaitForExitAsync()).Should().Be(0);
        }

        var missingRuntime = new Dictionary<string, string?>(_environment) { ["XDG_RUNTIME_DIR"] = _directory.Combine("no-such-dir") };
        await using var fallback = ProcManRun.Start(_directory.Path, ["up"], missingRuntime);
        await fallback.WaitForLineAsync(line => line == "web     | up");
        File.Exists(_socket).Should().BeTrue("without a runtime directory the socket is in the temp directory");
        Directory.Exists(_directory.Combine("no-such-dir")).Should().BeFalse("a runtime directory is not procman's to make");
    }

    /// <summary>Every command is refused with <paramref name="problem"/>, exit code 1, and nothing starts.</summary>
    private async Task ExpectRefusalAsync(string problem)
    {
        foreach (var command in new[] { "ps", "down" })
        {
            var refused = await ProcManCommand.RunAsync(_directory.Path, _environment, command);
            refused.ExitCode.Should().Be(1, command);
            refused.Stderr.Should().Be($"procman: {problem}\n", command);
        }
        var up = await ProcManCommand.RunAsync(_directory.Path, _environment, "up");
        up.ExitCode.Should().Be(1);
        up.Stderr.Should().Be($"procman: procfile.yml: {problem}\n");
        up.Lines.Should().BeEmpty("nothing may start");
    }

    private void MakeSocketDirectory() =>
        Directory.CreateDirectory(_socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    private async Task ChownAsync(string path, uint user)
    {
        await using var chown = ShellRun.Start(_directory.Path, $"chown -h {user}:{user} '{path}'");
        var (exitCode, stderr) = await chown.WaitForExitAsync();
        exitCode.Should().Be(0, stderr);
    }
}
