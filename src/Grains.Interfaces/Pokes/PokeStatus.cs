namespace Platform.Grains.Pokes;

public enum PokeStatus
{
    Pending,
    Matched,
    Declined,
    Expired,
}
