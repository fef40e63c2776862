namespace Platform.Api.Errors;

/// <summary>Validation failures by field, in the shape problem details list them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    /// <summary>Checks a required text field's length after trimming; returns the trimmed text.</summary>
    public string Text(string field, string? value, int min, int max)
    {
        var text = value?.Trim() ?? "";
        if (value is null) Add(field, "This field is required.");
        else if (text.Length < min || text.Length > max) Add(field, min == max ? $"Must be {min} characters." : $"Must be {min} to {max} characters.");
        return text;
    }

    public T Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null) Add(field, "This field is required.");
        return value.GetValueOrDefault();
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());
}
