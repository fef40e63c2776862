namespace Platform.Actors.Benchmarks;

/// <summary>One fixed-size frame of the plain remote call: a correlation id and two numbers (target and amount, or the sum).</summary>
internal readonly record struct PlainFrame(long Id, int First, int Second)
{
    public const int Length = 16;
}
