namespace Heaps.Tests;

[TestClass]
public sealed class MinHeapTests
{
    [TestMethod]
    public void EmptyHeapThrowsOnPeek() => Assert.ThrowsExactly<InvalidOperationException>(() => new MinHeap<int>().Peek());

    [TestMethod]
    public void SingleItemComesBack()
    {
        var heap = new MinHeap<int>();
        heap.Enqueue(4);
        Assert.AreEqual(4, heap.Dequeue());
        Assert.AreEqual(0, heap.Count);
    }

    [TestMethod]
    public void DequeuesInAscendingOrder()
    {
        var heap = new MinHeap<int>();
        foreach (var i in new[] { 5, 3, 8, 1, 9, 2 })
        {
            heap.Enqueue(i);
        }

        var order = new List<int>();
        while (heap.Count > 0)
        {
            order.Add(heap.Dequeue());
        }

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 5, 8, 9 }, order);
    }

    [TestMethod]
    public void PeekIsTheMinimumAfterEveryEnqueue()
    {
        var heap = new MinHeap<int>();
        var min = int.MaxValue;
        foreach (var i in new[] { 7, 4, 9, 1, 6, 0, 3 })
        {
            heap.Enqueue(i);
            min = Math.Min(min, i);
            Assert.AreEqual(min, heap.Peek());
        }
    }

    [TestMethod]
    public void HeapSortsAShuffledSequence()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 200).OrderBy(_ => random.Next()).ToList();
        var heap = new MinHeap<int>();
        values.ForEach(heap.Enqueue);
        var sorted = Enumerable.Range(0, 200).Select(_ => heap.Dequeue()).ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, 200).ToArray(), sorted);
    }

    [TestMethod]
    public void CustomComparerMakesAMaxHeap()
    {
        var heap = new MinHeap<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var i in new[] { 2, 9, 4 })
        {
            heap.Enqueue(i);
        }

        Assert.AreEqual(9, heap.Dequeue());
        Assert.AreEqual(4, heap.Dequeue());
    }

    [TestMethod]
    public void DuplicatesAreKept()
    {
        var heap = new MinHeap<int>();
        foreach (var i in new[] { 3, 1, 3, 1 })
        {
            heap.Enqueue(i);
        }

        CollectionAssert.AreEqual(new[] { 1, 1, 3, 3 }, Enumerable.Range(0, 4).Select(_ => heap.Dequeue()).ToArray());
    }
}
