namespace ProcMan.Tests.Infrastructure;

/// <summary>A fresh directory for one test's configuration files, deleted afterwards.</summary>
public sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = Directory.CreateTempSubdirectory("procman-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> byte for byte (no newline translation) to <paramref name="relativePath"/> here; returns the full path.</summary>
    public string Write(string relativePath, string content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public string CreateDirectory(string relativePath) =>
        Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    /// <summary>Makes a named pipe here: children use it to wait for each other without polling.</summary>
    public async Task<string> CreateFifoAsync(string name)
    {
        var path = Combine(name);
        await using var mkfifo = ShellRun.Start(Path, $"mkfifo '{path}'");
        var (exitCode, stderr) = await mkfifo.WaitForExitAsync();
        if (exitCode != 0)
            throw new IOException($"mkfifo failed: {stderr}");
        return path;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }
}
