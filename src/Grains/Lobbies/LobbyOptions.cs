using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Lobbies;

public sealed class LobbyOptions
{
    public const string SectionName = "Platform:Lobbies";

    /// <summary>A waiting lobby with nobody connected for this long closes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
