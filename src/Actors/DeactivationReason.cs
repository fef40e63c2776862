namespace Platform.Actors;

/// <summary>Why an activation is being deactivated, as <c>OnDeactivateAsync</c> is told.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public override string ToString() => $"{Code}: {Description}";
}
