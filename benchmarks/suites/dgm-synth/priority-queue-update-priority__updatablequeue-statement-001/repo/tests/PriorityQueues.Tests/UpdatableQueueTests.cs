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
    public void EnqueueDequeue_SeededSequenceComesOutSorted()
    {
        var random = new Random(42);
        var queue = new UpdatableQueue<int>();
        var priorities = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var priority = random.Next(1000);
            queue.Enqueue(i, priority);
            priorities.Add(priority);
        }

        var previous = int.MinValue;
        while (queue.Count > 0)
        {
            var element = queue.Dequeue();
            Assert.IsTrue(priorities[element] >= previous);
            previous = priorities[element];
        }
    }

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
