using ProcMan.Processes.Linux;
using System.Runtime.InteropServices;

namespace ProcMan.Processes;

/// <summary>
/// Runs one long blocking job (a pump, a child's waiter, the drain, a probe's pipe) on a
/// background thread of its own, started without waiting for it to run.
/// </summary>
/// <remarks>
/// A native AOT <see cref="Thread.Start()"/> returns only once the new thread runs, spinning on
/// <c>sched_yield</c> meanwhile: on a busy machine that was 1.5-4 ms per thread, three threads
/// per child, all on the thread that starts the next child. On Linux the thread is therefore
/// created with <c>pthread_create</c>, and the runtime takes it on when it first enters managed
/// code (as it does for any native thread calling back into .NET). Elsewhere it is a
/// <see cref="Thread"/>.
/// </remarks>
internal static unsafe partial class DedicatedThread
{
    private const int Detached = 1; // PTHREAD_CREATE_DETACHED

    /// <summary>
    /// Runs <paramref name="body"/> on a new thread named <paramref name="name"/> (at most 15
    /// characters, for the system) with a stack of <paramref name="stackSize"/> bytes (address
    /// space only, until used; under the JIT, <c>dotnet run</c>, methods are compiled on it, so
    /// 256 KiB at least). The task completes with its result, or faults with what it threw.
    /// </summary>
    /// <exception cref="OutOfMemoryException">The system refused the thread.</exception>
    public static Task<T> Run<T>(string name, int stackSize, Func<T> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(name, stackSize, () =>
        {
            try
            {
                done.SetResult(body());
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        });
        return done.Task;
    }

    /// <inheritdoc cref="Run{T}"/>
    public static Task Run(string name, int stackSize, Action body) =>
        Run<object?>(name, stackSize, () =>
        {
            body();
            return null;
        });

    /// <summary>Starts <paramref name="body"/>, which must not throw, as <see cref="Run{T}"/> describes.</summary>
    private static void Start(string name, int stackSize, Action body)
    {
        if (!OperatingSystem.IsLinux())
        {
            new Thread(() => body(), stackSize) { IsBackground = true, Name = name }.Start();
            return;
        }

        var job = GCHandle.Alloc(new Job(name, body));
        // pthread_attr_t is 56 bytes on x86-64 and 64 on arm64 (glibc and musl alike).
        var attributes = stackalloc byte[128];
        int result;
        if ((result = PThread.AttrInit(attributes)) == 0)
        {
            if ((result = PThread.AttrSetStackSize(attributes, (nuint)stackSize)) == 0
                && (result = PThread.AttrSetDetachState(attributes, Detached)) == 0)
            {
                nuint id;
                result = PThread.Create(&id, attributes, &Run, (void*)GCHandle.ToIntPtr(job));
            }
            PThread.AttrDestroy(attributes);
        }
        if (result != 0)
        {
            job.Free();
            throw new OutOfMemoryException($"The system refused a new thread ({name}): error {result}.");
        }
    }

    private sealed record Job(string Name, Action Body);

    [UnmanagedCallersOnly]
    private static void* Run(void* argument)
    {
        var handle = GCHandle.FromIntPtr((nint)argument);
        var job = (Job)handle.Target!;
        handle.Free();
        // For ps, top and perf: "procman pump" rather than the process's name.
        PThread.SetName(PThread.Self(), job.Name);
        job.Body();
        return null;
    }
}
