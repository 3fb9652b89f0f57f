using System.Net;
using System.Net.Sockets;
using System.Text;
using Dgm.Evolution.Gateway;
using Dgm.Tests.Support;

namespace Dgm.Tests.Evolution;

/// <summary>The gateway against a hostile sandbox: budgets that concurrency cannot overspend, unpriced models, floods of connections and requests.</summary>
[TestClass]
public sealed class GatewayLimitsTests
{
    private static readonly PriceTable Expensive = new(new Dictionary<string, ModelPrice> { ["fake-model"] = new(1000, 1000) });

    [TestMethod]
    public async Task Twenty_concurrent_requests_never_spend_more_than_the_budget()
    {
        await using var upstream = await FakeOpenAiServer.StartAsync();
        upstream.Delay = TimeSpan.FromMilliseconds(300);
        await using var gateway = new ModelGateway(new GatewayOptions
        {
            Upstream = new Uri(upstream.Endpoint),
            Prices = Expensive,
            Budgets = new Budgets(RunDollars: 2),
            MaxCompletionTokens = 1000,
            Limits = new ChannelLimits { MaxConnections = 100, MaxConcurrentRequests = 100, Burst = 100 },
        });
        await using var channel = await gateway.OpenChannelAsync("seed", "t1", CancellationToken.None);
        using var client = SocketClient(channel);

        // Each request may cost up to about $1.1 (its bytes and 1,000 completion tokens at $1,000 per million); it costs $0.12.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/v1/chat/completions", Chat())));

        var ok = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Figures.Report("gateway-budget-concurrent", [$"20 concurrent requests, $2 budget: {ok} answered, {answers.Length - ok} refused (402), ${gateway.Usage.Run.Dollars:0.00} spent"]);
        Assert.IsGreaterThanOrEqualTo(1, ok);
        Assert.IsTrue(answers.All(a => a.StatusCode is HttpStatusCode.OK or HttpStatusCode.PaymentRequired));
        Assert.IsLessThanOrEqualTo(2.0, gateway.Usage.Run.Dollars);
        Assert.AreEqual(ok * 0.12, gateway.Usage.Run.Dollars, 1e-9);
        Assert.AreEqual(ok, upstream.Requests.Count, "refused requests never reached the model");
        StringAssert.Contains(await answers.First(a => a.StatusCode == HttpStatusCode.PaymentRequired).Content.ReadAsStringAsync(), "cannot cover this request");

        // Sequentially, the budget still stops short of being overspent.
        while ((await client.PostAsync("/v1/chat/completions", Chat())).StatusCode == HttpStatusCode.OK)
        {
        }

        Figures.Report("gateway-budget-sequential", [$"sequential until refused: {gateway.Usage.Run.Requests} answered in all, ${gateway.Usage.Run.Dollars:0.00} spent of $2"]);
        Assert.IsLessThanOrEqualTo(2.0, gateway.Usage.Run.Dollars);
        Assert.IsGreaterThan(2.0 - 1.2, gateway.Usage.Run.Dollars, "it refused only when the worst case could not fit");
    }

    [TestMethod]
    public async Task A_model_without_a_price_is_refused_under_a_dollar_budget_and_counted_under_a_token_budget()
    {
        await using var upstream = await FakeOpenAiServer.StartAsync();
        await using var dollars = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), Prices = Expensive, Budgets = new Budgets(RunDollars: 5) });
        await using var tokens = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), Budgets = new Budgets(RunTokens: 100_000) });
        await using var dollarChannel = await dollars.OpenChannelAsync("seed", "t1", CancellationToken.None);
        await using var tokenChannel = await tokens.OpenChannelAsync("seed", "t1", CancellationToken.None);
        using var dollarClient = SocketClient(dollarChannel);
        using var tokenClient = SocketClient(tokenChannel);

        var refused = await dollarClient.PostAsync("/v1/chat/completions", Chat(model: "unpriced-model"));
        var counted = await tokenClient.PostAsync("/v1/chat/completions", Chat(model: "unpriced-model"));

        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        StringAssert.Contains(await refused.Content.ReadAsStringAsync(), "'unpriced-model' has no price");
        Assert.AreEqual(HttpStatusCode.OK, counted.StatusCode);
        Assert.AreEqual(120, tokens.Usage.Run.Tokens);
        Assert.AreEqual(1, upstream.Requests.Count);
    }

    [TestMethod]
    public async Task Completion_tokens_are_capped_on_the_way_to_the_model()
    {
        await using var upstream = await FakeOpenAiServer.StartAsync();
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint), MaxCompletionTokens = 500 });
        await using var channel = await gateway.OpenChannelAsync("seed", "t1", CancellationToken.None);
        using var client = SocketClient(channel);

        await client.PostAsync("/v1/chat/completions", Chat());
        await client.PostAsync("/v1/chat/completions", Chat(extra: ",\"max_tokens\":100000"));
        await client.PostAsync("/v1/chat/completions", Chat(extra: ",\"max_completion_tokens\":50"));

        var sent = upstream.Requests.Select(r => r.Body).ToList();
        Assert.AreEqual(500, (int)sent[0]["max_tokens"]!);
        Assert.AreEqual(500, (int)sent[1]["max_tokens"]!);
        Assert.AreEqual(50, (int)sent[2]["max_completion_tokens"]!);
    }

    [TestMethod]
    public async Task A_flood_of_connections_and_requests_from_one_sandbox_is_refused_and_another_channel_is_served()
    {
        await using var upstream = await FakeOpenAiServer.StartAsync();
        upstream.Delay = TimeSpan.FromMilliseconds(200);
        await using var gateway = new ModelGateway(new GatewayOptions { Upstream = new Uri(upstream.Endpoint) });
        await using var flooded = await gateway.OpenChannelAsync("child-1", "t1", CancellationToken.None);
        await using var other = await gateway.OpenChannelAsync("child-2", "t1", CancellationToken.None);
        var limits = new ChannelLimits();
        var before = Environment.WorkingSet;

        // 2,000 idle connections: all but a few are closed at once by the server.
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 2000; i++)
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(flooded.Folder, GatewayChannel.SocketName)));
                    sockets.Add(socket);
                }
                catch (SocketException)
                {
                    socket.Dispose(); // the backlog is full: refused, which is fine
                }
            }

            await Task.Delay(1000);
            var open = 0;
            foreach (var socket in sockets)
            {
                var closed = socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
                open += closed ? 0 : 1;
            }

            Figures.Report("gateway-connections", [$"2,000 idle connections: {sockets.Count} connected, {open} still open after 1 s"]);
            Assert.IsLessThanOrEqualTo(limits.MaxConnections, open, "connections beyond the limit are closed");
            using var otherClient = SocketClient(other);
            Assert.AreEqual(HttpStatusCode.OK, (await otherClient.PostAsync("/v1/chat/completions", Chat())).StatusCode, "another channel is served during the flood");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        Figures.Report("gateway-memory", [$"host working set grew by {(Environment.WorkingSet - before) / (1024 * 1024)} MB during the connection flood"]);
        Assert.IsLessThan(300L * 1024 * 1024, Environment.WorkingSet - before, "the flood did not grow the host process");

        // 40 requests at once on the flooded channel: at most the concurrency limit reaches the model, the rest get 429 with Retry-After.
        await Task.Delay(500);
        using var client = SocketClient(flooded, connections: limits.MaxConnections);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.PostAsync("/v1/chat/completions", Chat())));
        var tooMany = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Figures.Report("gateway-requests", [$"40 requests at once: {answers.Length - tooMany.Count} answered, {tooMany.Count} refused (429), at most {upstream.MaxConcurrent} at the model at once"]);
        Assert.IsLessThanOrEqualTo(limits.MaxConcurrentRequests, upstream.MaxConcurrent);
        Assert.IsGreaterThanOrEqualTo(40 - limits.Burst, tooMany.Count);
        Assert.IsTrue(tooMany.All(a => a.Headers.RetryAfter is not null));
        Assert.IsTrue(answers.All(a => a.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests), string.Join(", ", answers.Select(a => a.StatusCode)));
    }

    private static HttpClient SocketClient(GatewayChannel channel, int connections = 64) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        ConnectCallback = async (_, token) =>
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(channel.Folder, GatewayChannel.SocketName)), token);
            return new NetworkStream(s, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://gateway") };

    private static StringContent Chat(string model = "fake-model", string extra = "") =>
        new($"{{\"model\":\"{model}\",\"messages\":[{{\"role\":\"user\",\"content\":\"hi\"}}]{extra}}}", Encoding.UTF8, "application/json");
}
