using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Badges;
using Platform.Grains.Cafes;
using Platform.Grains.Dms;
using Platform.Grains.Events;
using Platform.Grains.Games;
using Platform.Grains.Lobbies;
using Platform.Grains.Pokes;
using Platform.Grains.Payments;
using Platform.Grains.Users;

namespace Platform.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>What Platform's grains need from the silo's services: their options, tables and password hashing.</summary>
    public static IServiceCollection AddPlatformGrains(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CafeOptions>().BindConfiguration(CafeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainEventOptions>().BindConfiguration(GrainEventOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordHasherOptions>().BindConfiguration("Platform:PasswordHasher");
        services.AddSingleton<IPasswordHasher<UserState>, PasswordHasher<UserState>>();
        services.AddSingleton<AccountNames>();
        services.AddSingleton<IAccountLookup>(provider => provider.GetRequiredService<AccountNames>());
        services.AddSingleton<CafeMessages>();
        services.AddSingleton<ICafeHistory>(provider => provider.GetRequiredService<CafeMessages>());
        services.AddOptions<PokeOptions>().BindConfiguration(PokeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DmOptions>().BindConfiguration(DmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PokeTable>();
        services.AddSingleton<IPokeDirectory>(provider => provider.GetRequiredService<PokeTable>());
        services.AddSingleton<DmTables>();
        services.AddSingleton<IDmDirectory>(provider => provider.GetRequiredService<DmTables>());
        services.AddOptions<LobbyOptions>().BindConfiguration(LobbyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LobbyTable>();
        services.AddSingleton<ILobbyDirectory>(provider => provider.GetRequiredService<LobbyTable>());
        services.AddOptions<QuizOptions>().BindConfiguration(QuizOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QuestionBank>();
        services.AddSingleton<IQuestionBank>(provider => provider.GetRequiredService<QuestionBank>());
        services.AddSingleton<GameRecords>();
        services.AddSingleton<ILeaderboard>(provider => provider.GetRequiredService<GameRecords>());
        services.AddOptions<BadgeOptions>().BindConfiguration(BadgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OrderRows>();
        return services;
    }
}
