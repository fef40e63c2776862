namespace Platform.Grains.Games;

/// <summary>The contract's answer to <c>SubmitAnswer</c>.</summary>
public sealed record AnswerResult(bool Accepted, bool Correct, int Points, int TotalScore);
