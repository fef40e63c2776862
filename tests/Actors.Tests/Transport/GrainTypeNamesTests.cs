using System.Text;
using Platform.Actors.Transport;

namespace Platform.Actors.Tests.Transport;

public sealed class GrainTypeNamesTests
{
    [Fact]
    public void A_grain_type_read_twice_from_the_wire_is_one_string()
    {
        var first = GrainTypeNames.FromUtf8("tests.chain-grain"u8);
        var second = GrainTypeNames.FromUtf8(Encoding.UTF8.GetBytes("tests.chain-grain"));

        Assert.Equal("tests.chain-grain", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_name_longer_than_the_stack_buffer_is_read_whole()
    {
        var name = "tests." + new string('é', 300);

        Assert.Equal(name, GrainTypeNames.FromUtf8(Encoding.UTF8.GetBytes(name)));
    }
}
