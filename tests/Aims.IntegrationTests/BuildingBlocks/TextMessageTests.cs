using System.Collections.Concurrent;
using System.Text.Json;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.TextMessages;
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

    private MessagePump Pump => Services.GetRequiredService<MessagePump>();

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

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        var (authorization, body) = received.ShouldHaveSingleItem();
        authorization.ShouldBe("Bearer test-key");
        body.GetProperty("to").GetString().ShouldBe("8045551234");
        body.GetProperty("from").GetString().ShouldBe("8045550100");
        body.GetProperty("body").GetString().ShouldBe("Your AIMS sign-in code is 135790.");
        body.GetProperty("messageId").GetString().ShouldBe(messageId);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Delivered);
    }

    [Test]
    public async Task A_gateway_error_is_retried()
    {
        answer = StatusCodes.Status503ServiceUnavailable;
        await QueueAsync("8045551234", "Code 1");

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Pending);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("answered 503");
    }

    [Test]
    public async Task A_request_the_gateway_rejects_is_dead_lettered_at_once()
    {
        answer = StatusCodes.Status400BadRequest;
        await QueueAsync("8045551234", "Code 2");

        await Pump.ProcessDueAsync(CancellationToken.None);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
    }

    private Task<string> QueueAsync(string to, string body) =>
        Services.InUnitOfWorkAsync(provider => provider.GetRequiredService<IOutgoingTextMessages>().QueueAsync(to, body));
}
