namespace Platform.Actors.CodeGenerator.Tests;

/// <summary>Grain interfaces covering every shape the generator accepts.</summary>
internal static class SampleSources
{
    public const string Grains = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Platform.Actors;

        namespace Samples.Users;

        public interface IUserGrain : IGrainWithStringKey
        {
            Task Rename(string name);
            Task<int> GetAge();
            ValueTask Touch();
            ValueTask<string?> FindNickname(int index, string? hint);
            Task<int> Add(int a);
            Task<int> Add(int a, int b);
            [ReadOnly, AlwaysInterleave] Task<string> Describe();
            [ResponseTimeout("00:00:05")] Task Slow();
            [OneWay] Task Ping();
            [OneWay] ValueTask PingValue();
            Task<List<string?>> Collect(IReadOnlyList<(int Id, string Name)> items, int[] numbers, System.Guid? id, params string[] tags);
            Task @event(int @class);
        }

        // Inherits a grain interface of this assembly and one of Platform.Actors.
        public interface IAdminGrain : IUserGrain, IRemindable
        {
            Task Ban(string reason);
        }

        public interface IOtherGrain : IGrainWithStringKey
        {
            Task Rename(string name);
        }

        // Two bases with a method of the same signature, and a diamond through IUserGrain.
        public interface IBothGrain : IAdminGrain, IOtherGrain;

        internal interface IHiddenGrain : IGrainWithGuidKey
        {
            Task Hide();
        }

        public static class Outer
        {
            public interface INestedGrain : IGrainWithIntegerKey
            {
                Task Nested();
            }
        }

        public interface IChatObserver : IGrainObserver
        {
            void Received(string message);
            Task<int> Count();
            void Left();
        }

        public partial interface IPartialGrain : IGrainWithStringKey
        {
            Task First();
        }

        public sealed class UserGrain : IUserGrain
        {
            public string Name { get; private set; } = "";
            public int Touches { get; private set; }

            public Task Rename(string name) { Name = name; return Task.CompletedTask; }
            public Task<int> GetAge() => Task.FromResult(42);
            public ValueTask Touch() { Touches++; return default; }
            public ValueTask<string?> FindNickname(int index, string? hint) => new(hint is null ? null : hint + index);
            public Task<int> Add(int a) => Task.FromResult(a);
            public Task<int> Add(int a, int b) => Task.FromResult(a + b);
            public Task<string> Describe() => Task.FromResult(Name);
            public Task Slow() => Task.Delay(1);
            public Task Ping() => Task.CompletedTask;
            public ValueTask PingValue() => default;
            public Task<List<string?>> Collect(IReadOnlyList<(int Id, string Name)> items, int[] numbers, System.Guid? id, params string[] tags) =>
                Task.FromResult(new List<string?>(tags));
            public Task @event(int @class) => Task.CompletedTask;
        }

        public sealed class ChatObserver : IChatObserver
        {
            public List<string> Messages { get; } = [];
            public void Received(string message) => Messages.Add(message);
            public Task<int> Count() => Task.FromResult(Messages.Count);
            public void Left() => Messages.Clear();
        }
        """;

    // A second file: the rest of the partial interface, and an interface in the global namespace.
    public const string MoreGrains = """
        using System.Threading.Tasks;
        using Platform.Actors;

        namespace Samples.Users
        {
            public partial interface IPartialGrain
            {
                Task Second();
            }
        }

        public interface IGlobalGrain : IGrainWithGuidKey
        {
            Task Global();
        }
        """;
}
