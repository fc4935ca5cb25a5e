using System.Runtime.InteropServices;

namespace ProcMan.Processes.Linux;

/// <summary>The pthread calls behind <see cref="DedicatedThread"/>: a thread with a chosen stack size and a name, started detached.</summary>
internal static unsafe partial class PThread
{
    [LibraryImport("libc", EntryPoint = "pthread_attr_init")]
    public static partial int AttrInit(byte* attributes);

    [LibraryImport("libc", EntryPoint = "pthread_attr_destroy")]
    public static partial int AttrDestroy(byte* attributes);

    [LibraryImport("libc", EntryPoint = "pthread_attr_setstacksize")]
    public static partial int AttrSetStackSize(byte* attributes, nuint size);

    [LibraryImport("libc", EntryPoint = "pthread_attr_setdetachstate")]
    public static partial int AttrSetDetachState(byte* attributes, int state);

    [LibraryImport("libc", EntryPoint = "pthread_create")]
    public static partial int Create(nuint* id, byte* attributes, delegate* unmanaged<void*, void*> start, void* argument);

    [LibraryImport("libc", EntryPoint = "pthread_self")]
    public static partial nuint Self();

    [LibraryImport("libc", EntryPoint = "pthread_setname_np", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetName(nuint thread, string name);
}
