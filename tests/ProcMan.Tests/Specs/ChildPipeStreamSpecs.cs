using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Processes.Linux;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ChildPipeStreamSpecs
{
    [Fact(Timeout = 30_000)]
    public async Task A_child_can_write_far_ahead_of_procman_once_its_pipe_is_grown()
    {
        // 200,000 bytes: three times what a default pipe holds. Nobody reads stdout until the
        // child says on stderr that it has written them all, so with a default pipe it would
        // block and never say it.
        var spec = new ProcessSpec("test", ["/bin/sh", "-c", "head -c 200000 /dev/zero; echo written >&2"],
            Environment.CurrentDirectory, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });
        using var child = new LinuxProcessLauncher().Start(spec);

        ((IGrowablePipe)child.StandardOutput).TryGrow(256 * 1024).Should().BeTrue();

        using var stderr = new StreamReader(child.StandardError);
        (await stderr.ReadLineAsync()).Should().Be("written");
        var total = 0;
        var buffer = new byte[64 * 1024];
        for (int read; (read = await child.StandardOutput.ReadAsync(buffer)) > 0;)
            total += read;
        total.Should().Be(200_000);
    }
}
