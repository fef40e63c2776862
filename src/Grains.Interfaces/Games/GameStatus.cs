namespace Platform.Grains.Games;

public enum GameStatus
{
    Playing,
    Finished,
}
