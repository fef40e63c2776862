using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Platform.Actors.Testing;

/// <summary>
/// A silo in a process of its own (<c>dotnet Platform.Silo.dll</c>), for tests and figures that kill a
/// silo with SIGKILL. Settings go to it as environment variables; it counts as started when it logs so.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private SiloProcess(Process process, ConcurrentQueue<string> output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The host built by <c>./platform test</c> (Release), found from the repository root above this assembly.</summary>
    public static string FindSiloAssembly()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) continue;
            var silo = Path.Combine(folder.FullName, "src", "Silo", "bin", "Release", "net10.0", "Platform.Silo.dll");
            return File.Exists(silo)
                ? silo
                : throw new FileNotFoundException($"{silo} is missing: build the solution in Release first (./platform test does).", silo);
        }

        throw new DirectoryNotFoundException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }

    public static async Task<SiloProcess> StartAsync(int port, int httpPort, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var silo = FindSiloAssembly();
        var start = new ProcessStartInfo("dotnet", [silo])
        {
            WorkingDirectory = Path.GetDirectoryName(silo)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Platform__Silo__Port"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";

        var output = new ConcurrentQueue<string>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            output.Enqueue(line.Data);
            if (line.Data.Contains("Silo started", StringComparison.Ordinal)) started.TrySetResult();
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The silo on port {port} exited:\n{string.Join('\n', output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var siloProcess = new SiloProcess(process, output, port);
        try
        {
            await started.Task.WaitAsync(timeout);
        }
        catch
        {
            await siloProcess.DisposeAsync();
            throw;
        }

        return siloProcess;
    }

    /// <summary>SIGKILL: the process ends at once, its sockets reset by the kernel; nothing runs in it any more.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGSTOP: the process stands still with its sockets open and silent, as a hung process's would.</summary>
    public void Freeze() => Signal("STOP");

    private void Signal(string name)
    {
        using var kill = Process.Start("kill", [$"-{name}", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {ProcessId} failed with exit code {kill.ExitCode}.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }

        _process.Dispose();
    }
}
