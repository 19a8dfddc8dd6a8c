using Aims.Identity.Lockout;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Identity;

/// <summary>The seed's lockout: the third failure locks, 30 minutes unlock it, a success resets; unknown emails alike.</summary>
public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);
    private AimsAppFactory factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        factory = new AimsAppFactory(await TestDatabase.RecreateAsync("aims_test_lockout"), services => services.AddSingleton<TimeProvider>(clock));

    [OneTimeTearDown]
    public ValueTask StopAsync() => factory.DisposeAsync();

    [SetUp]
    public void ResetClock() => clock.SetUtcNow(Start);

    [Test]
    public async Task The_third_failure_locks_for_30_minutes_and_then_it_unlocks_by_itself()
    {
        const string email = "jordan@provider.example";

        (await FailAsync(email)).ShouldBe(new LockoutState(false, 2, null));
        (await FailAsync(email)).ShouldBe(new LockoutState(false, 1, null));
        (await FailAsync(email)).ShouldBe(new LockoutState(true, 0, Start.AddMinutes(30)));

        clock.SetUtcNow(Start.AddMinutes(29).AddSeconds(59));
        (await StateAsync(email)).IsLocked.ShouldBeTrue();

        clock.SetUtcNow(Start.AddMinutes(30));
        (await StateAsync(email)).ShouldBe(new LockoutState(false, 3, null));
        (await FailAsync(email)).ShouldBe(new LockoutState(false, 2, null)); // a fresh count after the lock ran out
    }

    [Test]
    public async Task Failures_while_locked_do_not_extend_the_lock()
    {
        const string email = "riley@provider.example";
        for (var i = 0; i < 3; i++)
        {
            await FailAsync(email);
        }

        clock.SetUtcNow(Start.AddMinutes(20));
        (await FailAsync(email)).LockedUntil.ShouldBe(Start.AddMinutes(30));
    }

    [Test]
    public async Task Ten_failures_sent_at_once_still_lock_after_the_third()
    {
        const string email = "burst@provider.example";

        var states = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => FailAsync(email)));

        states.Count(s => !s.IsLocked).ShouldBe(2);
        states.Count(s => s.IsLocked).ShouldBe(8);
        (await StateAsync(email)).ShouldBe(new LockoutState(true, 0, Start.AddMinutes(30)));
    }

    [Test]
    public async Task A_success_resets_the_count()
    {
        const string email = "morgan@provider.example";
        await FailAsync(email);
        await FailAsync(email);

        await InScopeAsync(lockout => lockout.RecordSuccessAsync(email, CancellationToken.None));

        (await FailAsync(email)).ShouldBe(new LockoutState(false, 2, null));
    }

    [Test]
    public async Task An_email_with_no_account_locks_exactly_like_one_with_an_account_whatever_its_case()
    {
        const string email = "Nobody.Here@unknown.example";

        await FailAsync(email);
        await FailAsync(email.ToLowerInvariant());
        var third = await FailAsync(" NOBODY.HERE@UNKNOWN.EXAMPLE ");

        third.ShouldBe(new LockoutState(true, 0, Start.AddMinutes(30)));
    }

    private Task<LockoutState> FailAsync(string email) => InScopeAsync(lockout => lockout.RecordFailureAsync(email, CancellationToken.None));

    private Task<LockoutState> StateAsync(string email) => InScopeAsync(lockout => lockout.StateAsync(email, CancellationToken.None));

    private async Task<T> InScopeAsync<T>(Func<SignInLockout, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SignInLockout>());
    }

    private async Task InScopeAsync(Func<SignInLockout, Task> action) =>
        await InScopeAsync(async lockout =>
        {
            await action(lockout);
            return true;
        });
}
