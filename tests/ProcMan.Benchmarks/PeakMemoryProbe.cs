namespace ProcMan.Benchmarks;

/// <summary>
/// Polls a process's VmHWM until it exits. VmHWM only grows, so the last value read before
/// the process vanished is its peak (give or take what it allocated in its last 20 ms).
/// </summary>
internal sealed class PeakMemoryProbe : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peakKiB;

    public PeakMemoryProbe(int pid)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.IsCancellationRequested && ProcInfo.PeakResidentKiB(pid) is { } kib)
            {
                Interlocked.Exchange(ref _peakKiB, kib);
                Thread.Sleep(20);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public long PeakKiB => Interlocked.Read(ref _peakKiB);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
    }
}
