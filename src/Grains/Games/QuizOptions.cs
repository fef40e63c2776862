using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Games;

public sealed class QuizOptions
{
    public const string SectionName = "Platform:Quiz";

    /// <summary>The pause between a question's end and the next question.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PauseBetweenQuestions { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Elo K-factor: the most a rating moves in one game.</summary>
    [Range(1, 200)]
    public int RatingK { get; set; } = 32;
}
