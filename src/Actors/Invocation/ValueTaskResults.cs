namespace Platform.Actors.Invocation;

/// <summary>Adapts the task shapes interface methods return to the <see cref="ValueTask{TResult}"/> requests use. Used by generated code.</summary>
public static class ValueTaskResults
{
    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>((object?)null) : AwaitAsync(task);

    public static ValueTask<object?> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>((object?)null) : AwaitAsync(task);

    private static async ValueTask<object?> AwaitAsync(Task task)
    {
        await task;
        return null;
    }

    private static async ValueTask<object?> AwaitAsync(ValueTask task)
    {
        await task;
        return null;
    }
}
