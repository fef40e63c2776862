using Platform.Actors;

namespace Platform.Grains.Games;

/// <summary>
/// One quiz game, keyed by its id: the single authority on its questions, their deadlines and every score.
/// Clients never decide: answers are timed here. Its events go out on its lobby's stream.
/// </summary>
public interface IGameGrain : IGrainWithGuidKey
{
    Task Start(GameSetup setup);

    /// <summary>
    /// Takes a player's answer to the open question. A late or second answer is refused (<c>accepted: false</c>);
    /// an answer is stored before it is acknowledged.
    /// </summary>
    Task<AnswerResult> SubmitAnswer(Guid userId, int questionIndex, int optionIndex);

    /// <summary>Whether a player has a connection: the question ends early once every connected player answered.</summary>
    Task SetConnected(Guid userId, bool connected);

    [ReadOnly]
    Task<GameView> Get();
}
