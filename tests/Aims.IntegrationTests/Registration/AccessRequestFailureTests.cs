using Aims.BuildingBlocks.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Registration;

/// <summary>When saving fails midway, the page says to retry after 5 minutes and nothing half-written remains.</summary>
public sealed class AccessRequestFailureTests() : RegistrationTest("aims_test_access_request_failure")
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<IOutbox, FailingBus>();

    [Test]
    public async Task A_failure_after_the_row_is_written_rolls_it_back_and_says_to_retry_after_5_minutes()
    {
        const string email = "unlucky@agency.example";
        using var browser = NewBrowser();

        var answer = await SubmitAsync(browser, RequestFields(email));

        answer.Text.ShouldContain("Something went wrong on our side and nothing was saved. Please retry after 5 minutes.");
        (await ScalarAsync("SELECT count(*) FROM registration.access_requests WHERE email = @p", email)).ShouldBe(0L);
        (await EmailsToAsync(email)).ShouldBeEmpty();
    }

    /// <summary>Publishing fails after the request row and the confirmation email were written in the same unit of work.</summary>
    private sealed class FailingBus : IOutbox
    {
        public Task PublishAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The message table is unavailable (a test failure on purpose).");

        // The confirmation email's record is still written in the unit of work, so the rollback must take it away.
        public Task<Guid> SendAsync(IOutsideDelivery command, CancellationToken cancellationToken = default) => Task.FromResult(Guid.CreateVersion7());

        public Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Not used.");

        public Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default) => throw new InvalidOperationException("Not used.");
    }
}
