namespace Platform.Actors;

public interface IGrainWithStringKey : IGrain;
