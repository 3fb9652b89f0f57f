namespace Messaging.Tests;

[TestClass]
public sealed class EventBusTests
{
    public sealed record OrderPlaced(int Id);

    [TestMethod]
    public void PublishReachesSubscribers()
    {
        var bus = new EventBus();
        var seen = new List<int>();
        bus.Subscribe<OrderPlaced>(e => seen.Add(e.Id));
        bus.Publish(new OrderPlaced(7));
        CollectionAssert.AreEqual(new[] { 7 }, seen);
    }

    [TestMethod]
    public void PublishWithoutSubscribersReachesNobody() => Assert.AreEqual(0, new EventBus().Publish(new OrderPlaced(1)));

    [TestMethod]
    public void ClearStopsEveryHandler()
    {
        var bus = new EventBus();
        var count = 0;
        bus.Subscribe<OrderPlaced>(_ => count++);
        bus.Subscribe<string>(_ => count++);
        bus.Clear();
        bus.Publish(new OrderPlaced(1));
        bus.Publish("x");
        Assert.AreEqual(0, count);
    }

    [TestMethod]
    public void HandlersAreKeyedByType()
    {
        var bus = new EventBus();
        var strings = 0;
        bus.Subscribe<string>(_ => strings++);
        bus.Publish(new OrderPlaced(1));
        Assert.AreEqual(0, strings);
    }
}
