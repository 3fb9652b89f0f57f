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
    public void DisposedSubscriptionGetsNothing()
    {
        var bus = new EventBus();
        var count = 0;
        var sub = bus.Subscribe<OrderPlaced>(_ => count++);
        sub.Dispose();
        bus.Publish(new OrderPlaced(1));
        Assert.AreEqual(0, count);
    }
}
