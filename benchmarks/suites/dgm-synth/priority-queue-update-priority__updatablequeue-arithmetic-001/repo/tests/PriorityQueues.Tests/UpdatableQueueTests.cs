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
    public void ChangePriority_LowerMovesToFront()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("a", 4);
        queue.Enqueue("b", 3);
        queue.Enqueue("c", 2);
        queue.Enqueue("d", 1);
        queue.ChangePriority("a", 0);
        Assert.IsTrue(queue.TryGetPriority("a", out var priority));
        Assert.AreEqual(0, priority);
        CollectionAssert.AreEqual(new[] { "a", "d", "c", "b" }, Drain(queue));
    }

    [TestMethod]
    public void TryGetPriority_ReportsEachElementsOwnPriority()
    {
        var queue = new UpdatableQueue<string>();
        for (var i = 10; i > 0; i--)
        {
            queue.Enqueue($"job{i}", i);
        }

        for (var i = 1; i <= 10; i++)
        {
            Assert.IsTrue(queue.TryGetPriority($"job{i}", out var priority));
            Assert.AreEqual(i, priority, $"job{i}");
        }
    }

    [TestMethod]
    public void Peek_DoesNotRemove()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("x", 2);
        queue.Enqueue("y", 1);
        Assert.AreEqual("y", queue.Peek());
        Assert.AreEqual(2, queue.Count);
    }

    [TestMethod]
    public void Remove_UnknownReturnsFalse()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("x", 2);
        Assert.IsFalse(queue.Remove("nope"));
        Assert.AreEqual(1, queue.Count);
    }

    [TestMethod]
    public void ChangePriority_UnknownThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => new UpdatableQueue<string>().ChangePriority("x", 1));

    [TestMethod]
    public void Enqueue_AgainAfterDequeueIsAllowed()
    {
        var queue = new UpdatableQueue<string>();
        queue.Enqueue("a", 1);
        queue.Dequeue();
        queue.Enqueue("a", 3);
        Assert.IsTrue(queue.TryGetPriority("a", out var priority));
        Assert.AreEqual(3, priority);
    }
}
