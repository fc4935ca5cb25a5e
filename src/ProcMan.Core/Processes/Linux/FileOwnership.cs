namespace ProcMan.Processes.Linux;

/// <summary>What a path is, whose it is and who may use it, without following a symbolic link at it.</summary>
internal readonly record struct FileOwnership(FileKind Kind, UnixFileMode Mode, uint Owner)
{
    /// <summary>The entry at <paramref name="path"/>; null when there is none.</summary>
    /// <exception cref="IOException">It cannot be examined (a parent directory ProcMan may not search).</exception>
    public static FileOwnership? Of(string path)
    {
        const int noSuchEntry = 2, notADirectory = 20; // ENOENT, ENOTDIR (a parent is a file)
        if (LibC.StatNoFollow(path, out var mode, out var owner, out var errno) < 0)
        {
            return errno is noSuchEntry or notADirectory
                ? null
                : throw new IOException($"cannot examine {path}: {new System.ComponentModel.Win32Exception(errno).Message}");
        }
        var kind = (mode & 0xF000) switch // S_IFMT
        {
            0x4000 => FileKind.Directory,
            0x8000 => FileKind.RegularFile,
            0xA000 => FileKind.SymbolicLink,
            0xC000 => FileKind.Socket,
            0x1000 => FileKind.NamedPipe,
            _ => FileKind.Device,
        };
        return new FileOwnership(kind, (UnixFileMode)(mode & 0xFFF), owner);
    }
}

internal enum FileKind
{
    Directory,
    RegularFile,
    SymbolicLink,
    Socket,
    NamedPipe,
    Device,
}
