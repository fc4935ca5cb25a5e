using System.Diagnostics;
using System.Text;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary><c>procman up</c> with a real terminal (a pseudo-terminal from Python's pty module) as its stdout.</summary>
public sealed class TerminalOutputSpecs : IDisposable
{
    // Runs its arguments with a new pty as stdin, stdout and stderr, and copies what the pty shows to its own stdout.
    private const string PtyRelay = """
        import os, pty, subprocess, sys
        master, slave = pty.openpty()
        child = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the last writer of the pty closed it
                break
            if not data:
                break
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        sys.exit(child.wait())
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [ToolFact("python3", Timeout = 60_000)]
    public async Task I_see_a_progress_bar_s_final_state_with_its_name_and_a_prompt_before_its_newline()
    {
        var fifo = await _directory.CreateFifoAsync("answer");
        _directory.Write("procfile.yml", Procfile.Yaml(("web", $"printf 'a\\rb\\rfinal\\n'; printf 'Overwrite? [y/N] '; read answer < {fifo}; echo \"$answer\"")));
        var relay = _directory.Write("relay.py", PtyRelay);
        var startInfo = new ProcessStartInfo("python3") { WorkingDirectory = _directory.Path, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { relay, ProcManRun.ExecutablePath, "up", "--color", "never", "--no-summary" })
            startInfo.ArgumentList.Add(argument);
        using var python = Process.Start(startInfo)!;
        var screen = new StringBuilder();
        var changed = new SemaphoreSlim(0);
        var reading = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await python.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (screen)
                    screen.Append(buffer, 0, read);
                changed.Release();
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        async Task<string> WaitForAsync(string text)
        {
            while (true)
            {
                lock (screen)
                {
                    if (screen.ToString().Contains(text, StringComparison.Ordinal))
                        return screen.ToString();
                }
                await changed.WaitAsync(timeout.Token);
            }
        }

        try
        {
            // The child is blocked reading the fifo: its prompt has no newline yet.
            var beforeAnswer = await WaitForAsync("web     | Overwrite? [y/N] ");
            beforeAnswer.Should().Contain("web     | final\r\n", "the terminal shows the line after its last \\r, after the prefix")
                .And.NotContain("a\rb", "the \\r steps would overwrite the prefix");

            await File.WriteAllTextAsync(fifo, "no\n");
            await reading.WaitAsync(timeout.Token);
            await python.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!python.HasExited)
                python.Kill(entireProcessTree: true);
        }

        var all = screen.ToString();
        all.Should().Contain("web     | Overwrite? [y/N] \r\e[Kweb     | Overwrite? [y/N] no\r\n", "the prompt shown early is erased and its whole line written once, with one prefix");
        python.ExitCode.Should().Be(0, all);
    }
}
