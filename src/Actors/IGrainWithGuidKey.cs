namespace Platform.Actors;

public interface IGrainWithGuidKey : IGrain;
