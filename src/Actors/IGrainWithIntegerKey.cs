namespace Platform.Actors;

public interface IGrainWithIntegerKey : IGrain;
