namespace Platform.Grains.Cafes;

/// <summary>Guest names of the form <c>{Adjective}{Noun}{0–99}</c>, such as <c>CosmicOtter42</c>.</summary>
public static class GuestNameGenerator
{
    private static readonly string[] Adjectives =
    [
        "Cosmic", "Sunny", "Quiet", "Brave", "Clever", "Gentle", "Lucky", "Mellow", "Nimble", "Witty",
        "Bold", "Calm", "Cheery", "Dapper", "Eager", "Fuzzy", "Golden", "Happy", "Jolly", "Kind",
        "Lively", "Merry", "Noble", "Plucky", "Rosy", "Snappy", "Swift", "Tidy", "Velvet", "Zesty",
    ];

    private static readonly string[] Nouns =
    [
        "Otter", "Falcon", "Panda", "Fox", "Badger", "Heron", "Koala", "Lynx", "Marmot", "Owl",
        "Puffin", "Quokka", "Raven", "Seal", "Tiger", "Walrus", "Yak", "Zebra", "Bean", "Latte",
        "Mocha", "Scone", "Muffin", "Biscuit", "Espresso", "Cortado", "Bagel", "Crumpet", "Waffle", "Teapot",
    ];

    /// <summary>A name not in <paramref name="taken"/> (compared ignoring case), or null when none was found in a few tries.</summary>
    public static string? Next(Func<string, bool> taken)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var name = $"{Pick(Adjectives)}{Pick(Nouns)}{Random.Shared.Next(100)}";
            if (!taken(name.ToLowerInvariant())) return name;
        }

        return null;
    }

    private static string Pick(string[] words) => words[Random.Shared.Next(words.Length)];
}
