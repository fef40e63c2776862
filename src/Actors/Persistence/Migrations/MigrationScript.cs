using System.Security.Cryptography;
using System.Text;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>One numbered script, <c>sql/NNNN_name.sql</c>, and the checksum recorded when it is applied.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the text with line endings made LF first, so a checkout that turns them into CRLF is not
    /// mistaken for an edited script.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
