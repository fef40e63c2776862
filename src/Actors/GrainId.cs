namespace Platform.Actors;

/// <summary>The identity of a grain: the grain type (from its class) and its key, as text.</summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    // Every message is routed by grain id through hash tables: hash the two strings once, not per lookup.
    private readonly int _hash;

    public GrainId(string type, string key)
    {
        Type = type;
        Key = key;
        _hash = HashCode.Combine(type, key);
    }

    public string Type { get; }

    public string Key { get; }

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);

    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => $"{Type}/{Key}";
}
