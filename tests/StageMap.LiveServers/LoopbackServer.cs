using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StageMap.LiveServers;

/// <summary>
/// One fake system on 127.0.0.1 and a free port. Every call is recorded; a waiting fault answers in
/// place of the handler. Control calls (/_calls, /_reset, /_fault, /_hostile and the system's own) are
/// not recorded. In hostile mode (<see cref="Hostility"/>) the handler plays the misbehaviours of <see cref="Hostile"/>.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    /// <summary>Guards the server's state, which requests change from Kestrel's threads while a test reads it.</summary>
    protected object Gate { get; } = new();

    private WebApplication? _app;

    public Recorder Recorder { get; } = new();

    public Hostility Hostility { get; } = new();

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Back to the state the server started in.</summary>
    public virtual void Reset()
    {
        Recorder.Reset();
        Hostility.Clear();
    }

    protected abstract Answer Handle(Exchange exchange);

    /// <summary>A control call of this system (under /_), or null.</summary>
    protected virtual Answer? Control(Exchange exchange) => null;

    private async Task HandleAsync(HttpContext context)
    {
        var exchange = await Exchange.ReadAsync(context);
        Answer answer;
        if (exchange.Path.StartsWith("/_", StringComparison.Ordinal))
        {
            answer = CommonControl(exchange) ?? Control(exchange) ?? new Answer(404);
            await answer.WriteAsync(context);
            return;
        }

        lock (Gate)
        {
            var fault = Recorder.TakeFault(exchange.Method, exchange.PathAndQuery);
            answer = fault is null ? Handle(exchange) : new Answer(fault.Status, fault.Body, "application/json", fault.Headers);
        }

        Recorder.Record(new ReceivedCall(exchange.Method, exchange.PathAndQuery, answer.Status, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, exchange.Body));
        await answer.WriteAsync(context);
    }

    private Answer? CommonControl(Exchange exchange)
    {
        switch (exchange.Path)
        {
            case "/_calls":
                return new Answer(200, JsonSerializer.Serialize(Recorder.Calls, Json.Options));
            case "/_reset":
                lock (Gate)
                {
                    Reset();
                }

                return new Answer(204);
            case "/_fault":
                Recorder.AddFault(JsonSerializer.Deserialize<Fault>(exchange.Body, Json.Options)!);
                return new Answer(204);
            case "/_hostile":
                // /_hostile?on=next-loop,echo-token&reset=3600: the other parameters are the scenarios' options.
                var options = exchange.Context.Request.Query.Where(q => q.Key != "on").ToDictionary(q => q.Key, q => q.Value.ToString());
                foreach (var scenario in (exchange.Query("on") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Hostility.TurnOn(scenario, options);
                }

                return new Answer(204);
            default:
                return null;
        }
    }
}

internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
