namespace Platform.Actors.Membership;

/// <summary>A silo's status in the membership table, with Orleans' names.</summary>
public enum SiloStatus
{
    Created,
    Joining,
    Active,
    ShuttingDown,
    Stopping,
    Dead,
}
