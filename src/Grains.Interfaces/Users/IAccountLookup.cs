namespace Platform.Grains.Users;

/// <summary>Finds the member behind a login (email or username, ignoring case), for signing in.</summary>
public interface IAccountLookup
{
    Task<Guid?> FindAsync(string login, CancellationToken cancellationToken = default);
}
