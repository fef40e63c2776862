namespace Platform.Actors.CodeGenerator.Model;

/// <summary>The shapes a grain interface method may return; each needs its own proxy and invoker body.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    Void,
}
