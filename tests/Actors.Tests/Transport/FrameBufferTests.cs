using System.Text;
using Platform.Actors.Transport;

namespace Platform.Actors.Tests.Transport;

public sealed class FrameBufferTests
{
    [Fact]
    public void A_frame_whose_json_failed_midway_leaves_nothing_in_the_next_frame()
    {
        var buffer = new FrameBuffer();
        var json = buffer.StartJson();
        json.WriteStartArray();
        // Long enough that the writer has already handed part of it to the buffer when the frame fails.
        json.WriteStringValue(new string('x', 200_000));
        buffer.Truncate(0);

        json = buffer.StartJson();
        json.WriteStartArray();
        json.WriteNumberValue(1);
        json.WriteEndArray();
        json.Flush();

        Assert.Equal("[1]", Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    [Fact]
    public void Frames_written_one_after_the_other_share_the_json_writer_and_keep_their_own_bytes()
    {
        var buffer = new FrameBuffer();
        foreach (var value in new[] { "a", "b" })
        {
            var json = buffer.StartJson();
            json.WriteStringValue(value);
            json.Flush();
        }

        Assert.Equal("\"a\"\"b\"", Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }
}
