using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Quiz;

public static class QuizSteps
{
    public static async Task<JsonElement> CreateLobbyAsync(
        PlatformFixture fixture, TestUser host, int maxPlayers = 4, int questionCount = 1, int secondsPerQuestion = 30, bool isPrivate = false)
    {
        using var response = await fixture.PostAsync(
            "/api/lobbies", new { name = "Quiz night", maxPlayers, questionCount, secondsPerQuestion, category = "science", isPrivate }, host.AccessToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
    }
}
