using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Apis.Auth;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;
using Platform.Grains.Users;

namespace Platform.Api.Apis;

public static class AuthApi
{
    public const string RateLimitPolicy = "auth";

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/register", RegisterAsync);
        api.MapPost("/login", LoginAsync);
        api.MapPost("/refresh", RefreshAsync);
        api.MapPost("/logout", LogoutAsync).RequireAuthorization();
        api.MapPost("/barista/generate-username", GenerateUsernameAsync).RequireAuthorization();
        api.MapPost("/join", JoinAsync);
        return api;
    }

    private static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> RegisterAsync(RegisterRequest request, [AsParameters] AuthServices services)
    {
        var errors = AccountRules.Check(request, out var email, out var username);
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var user = services.Grains.GetGrain<IUserGrain>(Guid.NewGuid());
        await user.Register(new NewMember(email, username, request.Password!));
        var session = await user.StartSession();
        return TypedResults.Created("/api/users/me", services.Respond(session));
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request, [AsParameters] AuthServices services)
    {
        var errors = new FieldErrors();
        var login = errors.Text("login", request.Login, 1, 254);
        if (request.Password is null) errors.Add("password", "This field is required.");
        else if (request.Password.Length > AccountRules.MaxPasswordLength) errors.Add("password", $"At most {AccountRules.MaxPasswordLength} characters.");
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var userId = await services.Accounts.FindAsync(login) ?? throw PlatformException.Unauthorized("Wrong login or password.");
        var user = services.Grains.GetGrain<IUserGrain>(userId);
        await user.SignIn(request.Password!);
        return TypedResults.Ok(services.Respond(await user.StartSession()));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(RefreshRequest request, [AsParameters] AuthServices services)
    {
        if (request.RefreshToken is null) return Problems.Validation(new FieldErrors().Add("refreshToken", "This field is required.").ToDictionary());
        if (!services.RefreshTokens.TryDecode(request.RefreshToken, out var token)) return Problems.Of(ErrorCodes.Unauthorized, "This refresh token is not valid.");

        var session = await services.Grains.GetGrain<IUserGrain>(token.UserId).RotateSession(token.SessionId, token.Generation);
        var response = services.Respond(session);
        return TypedResults.Ok(new TokenResponse(response.AccessToken, response.RefreshToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(RefreshRequest request, ClaimsPrincipal principal, [AsParameters] AuthServices services)
    {
        if (request.RefreshToken is null) return Problems.Validation(new FieldErrors().Add("refreshToken", "This field is required.").ToDictionary());
        if (!services.RefreshTokens.TryDecode(request.RefreshToken, out var token)) return Problems.Of(ErrorCodes.Unauthorized, "This refresh token is not valid.");
        if (token.UserId != principal.UserId()) return Problems.Of(ErrorCodes.Forbidden, "This refresh token belongs to someone else.");

        await services.Grains.GetGrain<IUserGrain>(token.UserId).EndSession(token.SessionId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<JoinTokenGrant>, ProblemHttpResult>> GenerateUsernameAsync(
        GenerateUsernameRequest request, ClaimsPrincipal principal, [AsParameters] AuthServices services)
    {
        var errors = new FieldErrors();
        var cafeId = errors.Required("cafeId", request.CafeId);
        var receiptId = errors.Text("receiptId", request.ReceiptId, 1, 64);
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        return TypedResults.Ok(await services.Grains.GetGrain<ICafeGrain>(cafeId).IssueJoinToken(principal.UserId(), receiptId));
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> JoinAsync(JoinRequest request, [AsParameters] AuthServices services)
    {
        var errors = new FieldErrors();
        var username = errors.Text("username", request.Username, 3, 40);
        var joinToken = errors.Text("joinToken", request.JoinToken, 1, 128);
        var cafeId = errors.Required("cafeId", request.CafeId);
        if (request.WifiSsid is { Length: > 32 }) errors.Add("wifiSsid", "At most 32 characters.");
        if (request.Latitude is < -90 or > 90) errors.Add("latitude", "Must be between -90 and 90.");
        if (request.Longitude is < -180 or > 180) errors.Add("longitude", "Must be between -180 and 180.");
        if ((request.Latitude is null) != (request.Longitude is null)) errors.Add("longitude", "Give both latitude and longitude, or neither.");
        if (string.IsNullOrWhiteSpace(request.WifiSsid) && request.Latitude is null) errors.Add("wifiSsid", "Give the café's Wi-Fi name or your position.");
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var guestId = await services.Grains.GetGrain<ICafeGrain>(cafeId)
            .Admit(new GuestJoin(username, joinToken, request.WifiSsid, request.Latitude, request.Longitude));
        return TypedResults.Ok(services.Respond(await services.Grains.GetGrain<IUserGrain>(guestId).StartSession()));
    }
}
