namespace Platform.Actors.Hosting;

/// <summary>Where the silo is in its life: active between a finished start and the beginning of shutdown.</summary>
public sealed class SiloLifecycle
{
    private volatile bool _active;

    public bool IsActive => _active;

    internal void Activate() => _active = true;

    internal void Deactivate() => _active = false;
}
