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
}
