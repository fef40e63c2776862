using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Actors.Reminders;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Grains.Games;

public sealed class GameGrain(
    [PersistentState(GameGrain.StateName)] IPersistentState<GameState> game,
    QuestionBank questions,
    GameRecords records,
    IOptions<QuizOptions> quizOptions,
    TimeProvider time) : Grain, IGameGrain, IRemindable
{
    public const string StateName = "game";
    private const string WatchReminder = "game-watch";

    private readonly QuizOptions _options = quizOptions.Value;
    private readonly HashSet<Guid> _disconnected = [];
    private IGrainTimer? _timer;

    private Guid GameId => this.GetPrimaryKey();

    private GameState State => game.State;

    // After a restart the game picks up where its state says: the open question keeps its deadline, the pause its end.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (game.RecordExists && State.Status == GameStatus.Playing) Arm(State.QuestionOpen ? State.Deadline : State.NextQuestionAt);
        return Task.CompletedTask;
    }

    public async Task Start(GameSetup setup)
    {
        if (game.RecordExists) throw PlatformException.Conflict("This game has started already.");
        var drawn = await questions.DrawAsync(setup.Category, setup.QuestionCount);
        if (drawn.Count == 0) throw PlatformException.Conflict("There are no questions in that category yet.");

        var now = time.GetUtcNow();
        State.LobbyCode = setup.LobbyCode;
        State.SecondsPerQuestion = setup.SecondsPerQuestion;
        State.Category = setup.Category;
        State.Status = GameStatus.Playing;
        State.Questions = drawn;
        State.Players = [.. setup.Players.Select(p => new GamePlayerState { UserId = p.UserId, Username = p.Username })];
        await records.StartedAsync(GameId, setup.LobbyCode, setup.Category, now);
        await game.WriteStateAsync();
        await RegisterOrUpdateReminder(WatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await PublishAsync(EventNames.GameStarted, new GameStarted(GameId, setup.LobbyCode, drawn.Count));
        await ShowQuestionAsync(0);
    }

    public async Task<AnswerResult> SubmitAnswer(Guid userId, int questionIndex, int optionIndex)
    {
        if (!game.RecordExists) throw PlatformException.NotFound("There is no such game.");
        var player = State.Players.Find(p => p.UserId == userId) ?? throw PlatformException.NotFound("You are not in this game.");
        if (questionIndex < 0 || questionIndex >= State.Questions.Count) throw PlatformException.Validation($"This game has questions 0 to {State.Questions.Count - 1}.");
        var question = State.Questions[questionIndex];
        if (optionIndex < 0 || optionIndex >= question.Options.Length) throw PlatformException.Validation($"This question has options 0 to {question.Options.Length - 1}.");

        var now = time.GetUtcNow();
        var open = State.Status == GameStatus.Playing && State.QuestionOpen && questionIndex == State.Index && now <= State.Deadline;
        if (!open || player.LastAnswered == questionIndex) return new AnswerResult(false, false, 0, player.Score);

        var taken = now - State.QuestionStartedAt;
        var correct = optionIndex == question.CorrectIndex;
        var points = correct ? Scoring.Points(State.SecondsPerQuestion, taken, player.Multiplier) : 0;
        Score(player, correct, points);
        player.LastAnswered = questionIndex;

        // Stored before the player hears it was accepted: a restart cannot lose an acknowledged answer.
        await records.AnswerAsync(GameId, questionIndex, userId, question.Id, optionIndex, correct, points, taken, now);
        await game.WriteStateAsync();
        if (EveryConnectedPlayerAnswered()) Arm(now);
        return new AnswerResult(true, correct, points, player.Score);
    }

    public Task SetConnected(Guid userId, bool connected)
    {
        if (connected)
        {
            _disconnected.Remove(userId);
        }
        else if (_disconnected.Add(userId) && game.RecordExists && State.QuestionOpen && EveryConnectedPlayerAnswered())
        {
            Arm(time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task<GameView> Get()
    {
        if (!game.RecordExists) throw PlatformException.NotFound("There is no such game.");
        var current = State.Status == GameStatus.Playing && State.QuestionOpen ? Shown(State.Index) : null;
        return Task.FromResult(new GameView(GameId, State.LobbyCode, State.Status, State.Questions.Count, current, Leaderboard(), State.WinnerId));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (game.RecordExists && State.Status == GameStatus.Playing)
        {
            await AdvanceAsync();
            return;
        }

        if (await GetReminder(WatchReminder) is { } reminder) await UnregisterReminder(reminder);
    }

    private static void Score(GamePlayerState player, bool correct, int points)
    {
        if (!correct)
        {
            player.Streak = 0;
            player.Multiplier = 1;
            return;
        }

        player.Score += points;
        player.CorrectAnswers++;
        player.Streak++;
        player.Multiplier = Scoring.MultiplierAfter(player.Streak);
    }

    // The one step of the game that is due now, if any: end the open question, or show the next one.
    private async Task AdvanceAsync()
    {
        var now = time.GetUtcNow();
        if (State.Status != GameStatus.Playing) return;
        if (State.QuestionOpen)
        {
            if (now >= State.Deadline || EveryConnectedPlayerAnswered()) await EndQuestionAsync(now);
            else Arm(State.Deadline);
        }
        else if (now >= State.NextQuestionAt)
        {
            await ShowQuestionAsync(State.Index + 1);
        }
        else
        {
            Arm(State.NextQuestionAt);
        }
    }

    private async Task ShowQuestionAsync(int index)
    {
        var now = time.GetUtcNow();
        State.Index = index;
        State.QuestionOpen = true;
        State.QuestionStartedAt = now;
        State.Deadline = now + TimeSpan.FromSeconds(State.SecondsPerQuestion);
        await game.WriteStateAsync();
        await PublishAsync(EventNames.Question, Shown(index));
        Arm(State.Deadline);
    }

    private async Task EndQuestionAsync(DateTimeOffset now)
    {
        State.QuestionOpen = false;
        foreach (var player in State.Players.Where(p => p.LastAnswered != State.Index)) Score(player, correct: false, 0);
        State.NextQuestionAt = now + _options.PauseBetweenQuestions;
        await game.WriteStateAsync();
        await PublishAsync(EventNames.QuestionEnded, new QuestionEnded(GameId, State.Index, State.Questions[State.Index].CorrectIndex, Leaderboard()));
        if (State.Index + 1 < State.Questions.Count) Arm(State.NextQuestionAt);
        else await FinishAsync(now);
    }

    private async Task FinishAsync(DateTimeOffset now)
    {
        var ranked = Ranked().ToList();
        var ratings = new List<int>();
        foreach (var player in ranked) ratings.Add((await GrainFactory.GetGrain<IUserGrain>(player.UserId).GetStats()).Rating);
        var changes = EloRating.Changes(ratings, [.. ranked.Select(p => p.Score)], _options.RatingK);

        State.Status = GameStatus.Finished;
        State.WinnerId = ranked.Count > 0 ? ranked[0].UserId : null;
        await records.FinishedAsync(GameId, State.WinnerId, [.. ranked.Select((p, i) => (p, ratings[i], ratings[i] + changes[i]))], now);
        for (var i = 0; i < ranked.Count; i++)
        {
            var outcome = new GameOutcome(GameId, ranked[i].Score, ranked[i].UserId == State.WinnerId, changes[i]);
            await GrainFactory.GetGrain<IUserGrain>(ranked[i].UserId).RecordGame(outcome);
        }

        await game.WriteStateAsync();
        await PublishAsync(EventNames.GameEnded, new GameEnded(GameId, Leaderboard(), State.WinnerId));
        await GrainFactory.GetGrain<ILobbyGrain>(State.LobbyCode).GameFinished(GameId);
        _timer?.Dispose();
        if (await GetReminder(WatchReminder) is { } reminder) await UnregisterReminder(reminder);
    }

    private bool EveryConnectedPlayerAnswered() =>
        State.Players.Where(p => !_disconnected.Contains(p.UserId)).All(p => p.LastAnswered == State.Index);

    private void Arm(DateTimeOffset dueAt)
    {
        _timer?.Dispose();
        var wait = dueAt - time.GetUtcNow();
        _timer = RegisterGrainTimer(
            _ => AdvanceAsync(),
            new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private Task PublishAsync<T>(string eventName, T payload) =>
        GrainFactory.GetGrain<ILobbyGrain>(State.LobbyCode).Publish(eventName, RawJson.From(payload));

    private QuestionShown Shown(int index)
    {
        var question = State.Questions[index];
        return new QuestionShown(GameId, index, question.Text, [.. question.Options], State.Deadline);
    }

    private IEnumerable<GamePlayerState> Ranked() =>
        State.Players.OrderByDescending(p => p.Score).ThenByDescending(p => p.CorrectAnswers).ThenBy(p => p.Username, StringComparer.Ordinal);

    private ImmutableArray<LeaderboardEntry> Leaderboard() =>
        [.. Ranked().Select(p => new LeaderboardEntry(p.UserId, p.Username, p.Score, p.CorrectAnswers, p.Streak))];
}
