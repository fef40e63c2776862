using Platform.Grains.Cafes;
using Platform.Grains.Cafes.Chat;

namespace Platform.Grains.Tests.Cafes;

public sealed class MessageAppenderTests
{
    private readonly List<(IReadOnlyList<ChatMessage> Batch, TaskCompletionSource Insert)> _inserts = [];

    [Fact]
    public void Messages_that_arrive_while_the_inserts_are_all_on_their_way_go_in_the_next_insert_together()
    {
        var appender = new MessageAppender(Insert, insertsInFlight: 1);
        var first = appender.AppendAsync(Message("one"));
        var second = appender.AppendAsync(Message("two"));
        var third = appender.AppendAsync(Message("three"));
        Assert.Single(_inserts);

        _inserts[0].Insert.SetResult();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.Equal(2, _inserts.Count);
        Assert.Equal(["two", "three"], _inserts[1].Batch.Select(message => message.Content));
        Assert.False(second.IsCompleted);
        _inserts[1].Insert.SetResult();
        Assert.True(second.IsCompletedSuccessfully);
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_message_starts_its_insert_at_once_while_fewer_than_the_limit_are_on_their_way()
    {
        var appender = new MessageAppender(Insert, insertsInFlight: 2);
        _ = appender.AppendAsync(Message("one"));
        _ = appender.AppendAsync(Message("two"));
        _ = appender.AppendAsync(Message("three"));

        Assert.Equal(2, _inserts.Count);
        _inserts[1].Insert.SetResult();
        Assert.Equal(2, _inserts.Count); // the first is still on its way: the second holds its place until it is answered
        _inserts[0].Insert.SetResult();
        Assert.Equal(["three"], _inserts[2].Batch.Select(message => message.Content));
    }

    [Fact]
    public void A_later_insert_that_commits_first_is_answered_only_after_the_earlier_one()
    {
        var appender = new MessageAppender(Insert, insertsInFlight: 2);
        var first = appender.AppendAsync(Message("one"));
        var second = appender.AppendAsync(Message("two"));

        _inserts[1].Insert.SetResult();
        Assert.False(second.IsCompleted);

        _inserts[0].Insert.SetResult();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failed_insert_fails_only_its_own_messages()
    {
        var appender = new MessageAppender(Insert, insertsInFlight: 2);
        var first = appender.AppendAsync(Message("one"));
        var second = appender.AppendAsync(Message("two"));

        _inserts[0].Insert.SetException(new TimeoutException("the database did not answer"));
        _inserts[1].Insert.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        Assert.True(second.IsCompletedSuccessfully);
    }

    private Task Insert(IReadOnlyList<ChatMessage> batch)
    {
        // Continuations run inline, as the café's single-threaded turns would run them one after the other.
        var insert = new TaskCompletionSource();
        _inserts.Add((batch, insert));
        return insert.Task;
    }

    private static ChatMessage Message(string content) =>
        new(Guid.NewGuid(), Guid.Empty, Guid.Empty, "ada", content, DateTimeOffset.UnixEpoch);
}
