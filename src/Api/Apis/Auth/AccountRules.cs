using System.Net.Mail;
using System.Text.RegularExpressions;
using Platform.Api.Errors;

namespace Platform.Api.Apis.Auth;

/// <summary>The contract's rules for emails, usernames and passwords.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 8;

    // PBKDF2 over a huge password is a cheap way to burn a server's CPU.
    public const int MaxPasswordLength = 256;

    public static FieldErrors Check(RegisterRequest request, out string email, out string username)
    {
        var errors = new FieldErrors();
        email = errors.Text("email", request.Email, 3, 254);
        if (email.Length >= 3 && !IsEmail(email)) errors.Add("email", "Must be an email address.");
        username = errors.Text("username", request.Username, 3, 24);
        if (username.Length is >= 3 and <= 24 && !UsernameShape().IsMatch(username)) errors.Add("username", "Only letters, digits and _.");
        CheckPassword(errors, request.Password);
        return errors;
    }

    public static void CheckPassword(FieldErrors errors, string? password)
    {
        if (password is null) errors.Add("password", "This field is required.");
        else if (password.Length < MinPasswordLength) errors.Add("password", $"At least {MinPasswordLength} characters.");
        else if (password.Length > MaxPasswordLength) errors.Add("password", $"At most {MaxPasswordLength} characters.");
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_]{3,24}$")]
    private static partial Regex UsernameShape();
}
