namespace Platform.Grains.Cafes;

public sealed record TopicCount(string Word, int Count);
