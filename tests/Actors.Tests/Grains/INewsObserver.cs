namespace Platform.Actors.Tests.Grains;

public interface INewsObserver : IGrainObserver
{
    void NewsArrived(string headline);
}
