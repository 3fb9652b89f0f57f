namespace PriorityQueues.Tests;

[TestClass]
public sealed class UpdatableQueueTests
{
    private static List<string> Drain(UpdatableQueue<string> queue)
    {
        var result = new List<string>();
        while (queue.Count > 0)
        {
            result.Add(queue.Dequeue());
        }

        return result;
    }

    [TestMethod]
    public void Dequeue_ReturnsLowestPriorityFirst()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("low", 1);
        queue.Enqueue("high", 9);
        queue.Enqueue("mid", 5);
        CollectionAssert.AreEqual(new[] { "low", "mid", "high" }, Drain(queue));
    }

    [TestMethod]
    public void Enqueue_DuplicateThrows()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("a", 1);
        Assert.ThrowsExactly<InvalidOperationException>(() => queue.Enqueue("a", 2));
    }

    [TestMethod]
    public void Dequeue_EmptyThrows() => Assert.ThrowsExactly<InvalidOperationException>(() => new UpdatableQueue<string>().Dequeue());

    [TestMethod]
    public void Contains_FalseAfterDequeue()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("a", 1);
        queue.Dequeue();
        Assert.IsFalse(queue.Contains("a"));
    }

    [TestMethod]
    public void ChangePriority_MovesElementBehindOthers()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("a", 5);
        queue.Enqueue("b", 3);
        queue.Enqueue("c", 1);
        queue.ChangePriority("c", 10);
        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, Drain(queue));
    }
}
