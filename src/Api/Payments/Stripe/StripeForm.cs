namespace Platform.Api.Payments.Stripe;

/// <summary>Stripe's request encoding: <c>application/x-www-form-urlencoded</c>, nested hashes as <c>metadata[key]=value</c>.</summary>
public sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public StripeForm Add(string name, string? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public StripeForm Add(string name, long value) => Add(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public StripeForm Add(string name, bool value) => Add(name, value ? "true" : "false");

    public StripeForm Add(string name, IEnumerable<KeyValuePair<string, string>> hash)
    {
        foreach (var (key, value) in hash) Add($"{name}[{key}]", value);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(_fields);
}
