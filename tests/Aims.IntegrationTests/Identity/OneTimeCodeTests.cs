using Aims.Identity.Accounts;
using Aims.Identity.Codes;
using Aims.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Identity;

/// <summary>One-time codes: 40 minutes, single use, bound to the attempt, replaced by a newer one, stored as a hash.</summary>
public sealed class OneTimeCodeTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Issued);
    private AimsAppFactory factory = null!;
    private string database = "";
    private Guid userId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await TestDatabase.RecreateAsync("aims_test_codes");
        factory = new AimsAppFactory(database, services => services.AddSingleton<TimeProvider>(clock));
        await using var scope = factory.Services.CreateAsyncScope();
        var user = new AimsUser { UserName = "casey@provider.example", Email = "casey@provider.example", DisplayName = "Casey" };
        (await scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        userId = user.Id;
    }

    [OneTimeTearDown]
    public ValueTask StopAsync() => factory.DisposeAsync();

    [SetUp]
    public void ResetClock() => clock.SetUtcNow(Issued);

    [Test]
    public async Task A_code_works_at_39_minutes_59_seconds()
    {
        var attempt = Guid.NewGuid();
        var code = await IssueAsync(attempt);

        clock.SetUtcNow(Issued + TimeSpan.FromMinutes(39) + TimeSpan.FromSeconds(59));

        (await CheckAsync(attempt, code)).ShouldBe(CodeCheck.Valid);
    }

    [Test]
    public async Task A_code_has_expired_at_40_minutes_1_second()
    {
        var attempt = Guid.NewGuid();
        var code = await IssueAsync(attempt);

        clock.SetUtcNow(Issued + TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1));

        (await CheckAsync(attempt, code)).ShouldBe(CodeCheck.Expired);
    }

    [Test]
    public async Task A_code_works_once_and_its_reuse_says_so()
    {
        var attempt = Guid.NewGuid();
        var code = await IssueAsync(attempt);

        (await CheckAsync(attempt, code)).ShouldBe(CodeCheck.Valid);
        (await CheckAsync(attempt, code)).ShouldBe(CodeCheck.AlreadyUsed);
    }

    [Test]
    public async Task A_new_code_replaces_the_old_one()
    {
        var attempt = Guid.NewGuid();
        var first = await IssueAsync(attempt);
        var second = await IssueAsync(attempt);

        (await CheckAsync(attempt, first)).ShouldBe(first == second ? CodeCheck.Valid : CodeCheck.Replaced);
        (await CheckAsync(attempt, second)).ShouldBe(first == second ? CodeCheck.AlreadyUsed : CodeCheck.Valid);
    }

    [Test]
    public async Task A_code_is_bound_to_its_attempt()
    {
        var code = await IssueAsync(Guid.NewGuid());

        (await CheckAsync(Guid.NewGuid(), code)).ShouldBe(CodeCheck.Wrong);
    }

    [Test]
    public async Task A_wrong_code_is_wrong_and_the_right_one_still_works_after_it()
    {
        var attempt = Guid.NewGuid();
        var code = await IssueAsync(attempt);
        var wrong = ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

        (await CheckAsync(attempt, wrong)).ShouldBe(CodeCheck.Wrong);
        (await CheckAsync(attempt, "12a")).ShouldBe(CodeCheck.Wrong);
        (await CheckAsync(attempt, code)).ShouldBe(CodeCheck.Valid);
    }

    [Test]
    public async Task Codes_are_six_digits_and_only_their_hash_is_stored()
    {
        var attempt = Guid.NewGuid();
        var code = await IssueAsync(attempt);

        code.ShouldMatch("^[0-9]{6}$");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(c)::text FROM identity.one_time_codes c WHERE attempt_id = @a", connection);
        command.Parameters.AddWithValue("a", attempt);
        var row = (string)(await command.ExecuteScalarAsync())!;
        row.ShouldNotContain(code);
    }

    private async Task<string> IssueAsync(Guid attempt)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>()
            .IssueAsync(userId, attempt, CodePurpose.SignIn, CodeChannel.Email, CancellationToken.None);
    }

    private async Task<CodeCheck> CheckAsync(Guid attempt, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneTimeCodes>().CheckAsync(attempt, CodePurpose.SignIn, code, CancellationToken.None);
    }
}
