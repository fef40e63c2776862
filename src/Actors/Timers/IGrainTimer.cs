namespace Platform.Actors;

/// <summary>A timer that belongs to one activation; it stops when the activation deactivates or when disposed.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}
