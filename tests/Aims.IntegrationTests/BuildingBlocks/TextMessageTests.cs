using System.Collections.Concurrent;
using System.Text.Json;
using Aims.Notifications.Contracts;
using Aims.Notifications.Sending;
using Aims.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Text messages through the HTTP gateway adapter, against a local fake gateway over real HTTP.</summary>
public sealed class TextMessageTests : ProbeTest
{
    private WebApplication gateway = null!;
    private readonly ConcurrentQueue<(string? Authorization, JsonElement Body)> received = new();
    private int answer = StatusCodes.Status202Accepted;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:TextMessages:GatewayUrl"] = GatewayUrl + "/messages",
        ["Aims:TextMessages:GatewayApiKey"] = "test-key",
        ["Aims:TextMessages:From"] = "8045550100",
    };

    private string GatewayUrl { get; set; } = "";

    [OneTimeSetUp]
    public async Task StartGatewayAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        gateway = builder.Build();
        gateway.MapPost("/messages", async (HttpRequest request) =>
        {
            received.Enqueue((request.Headers.Authorization.ToString(), await JsonSerializer.DeserializeAsync<JsonElement>(request.Body)));
            return Results.StatusCode(answer);
        });
        await gateway.StartAsync();
        GatewayUrl = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    [OneTimeTearDown]
    public ValueTask StopGatewayAsync() => gateway.DisposeAsync();

    protected override void BeforeComposing()
    {
        received.Clear();
        answer = StatusCodes.Status202Accepted;
    }

    [Test]
    public async Task A_queued_text_is_posted_to_the_gateway_with_the_key_and_its_message_id()
    {
        var messageId = await QueueAsync("8045551234", "Your AIMS sign-in code is 135790.");

        await Eventually.TrueAsync(() => !received.IsEmpty, "the gateway's request");

        var (authorization, body) = received.ShouldHaveSingleItem();
        authorization.ShouldBe("Bearer test-key");
        body.GetProperty("to").GetString().ShouldBe("8045551234");
        body.GetProperty("from").GetString().ShouldBe("8045550100");
        body.GetProperty("body").GetString().ShouldBe("Your AIMS sign-in code is 135790.");
        body.GetProperty("messageId").GetString().ShouldBe(messageId);
        await Eventually.TrueAsync(async () => (await WolverineInbox.OfTypeAsync<SendTextMessage>(Services)).Single().Status == Wolverine.EnvelopeStatus.Handled, "the send handled");
    }

    [Test]
    public async Task A_gateway_error_is_retried_with_the_same_message_id()
    {
        answer = StatusCodes.Status503ServiceUnavailable;
        var messageId = await QueueAsync("8045551234", "Code 1");

        await Eventually.TrueAsync(() => !received.IsEmpty, "the first request");
        answer = StatusCodes.Status202Accepted;

        await Eventually.TrueAsync(() => received.Count == 2, "the retry");
        received.Select(r => r.Body.GetProperty("messageId").GetString()).ShouldAllBe(id => id == messageId);
        (await WolverineInbox.DeadLettersAsync(Services)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_request_the_gateway_rejects_is_dead_lettered_at_once()
    {
        answer = StatusCodes.Status400BadRequest;
        await QueueAsync("8045551234", "Code 2");

        var dead = (await WolverineInbox.WaitForDeadLettersAsync(Services, 1)).Single();

        dead.ExceptionMessage.ShouldContain("answered 400");
        received.ShouldHaveSingleItem();
    }

    private Task<string> QueueAsync(string to, string body) =>
        Services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingTextMessages>().QueueAsync(to, body));
}
