using Npgsql;

namespace Platform.Grains.Users;

/// <summary>The <c>account_names</c> table: unique emails and usernames, and the user behind a login.</summary>
public sealed class AccountNames(NpgsqlDataSource database) : IAccountLookup
{
    public async Task<NameClaim> ClaimAsync(Guid userId, string email, string username, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO account_names (user_id, email, username) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = email });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) return NameClaim.Claimed;

        // Which of the two was taken decides the message; the row that took it is already committed.
        return await FindAsync(email, cancellationToken) is not null ? NameClaim.EmailTaken : NameClaim.UsernameTaken;
    }

    /// <summary>The member whose email or username is <paramref name="login"/>, ignoring case.</summary>
    public async Task<Guid?> FindAsync(string login, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT user_id FROM account_names WHERE lower(email) = lower($1) OR lower(username) = lower($1) LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = login });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }
}
