namespace Caching.Tests;

[TestClass]
public sealed class LruCacheTests
{
    [TestMethod]
    public void MissingKeyIsNotFound() => Assert.IsFalse(new LruCache<string, int>(2).TryGet("x", out _));

    [TestMethod]
    public void HoldsAsManyItemsAsItsCapacity()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.IsTrue(cache.TryGet("a", out var a));
        Assert.AreEqual(1, a);
    }

    [TestMethod]
    public void EvictsTheLeastRecentlyUsed()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _);
        cache.Set("c", 3);
        Assert.IsTrue(cache.TryGet("a", out _));
        Assert.IsFalse(cache.TryGet("b", out _));
        Assert.IsTrue(cache.TryGet("c", out _));
    }

    [TestMethod]
    public void OverwritingAKeyKeepsCount()
    {
        var cache = new LruCache<string, int>(3);
        cache.Set("a", 1);
        cache.Set("a", 2);
        Assert.AreEqual(1, cache.Count);
        cache.TryGet("a", out var value);
        Assert.AreEqual(2, value);
    }

    [TestMethod]
    public void CountNeverExceedsCapacity()
    {
        var cache = new LruCache<int, int>(3);
        for (var i = 0; i < 10; i++)
        {
            cache.Set(i, i);
        }

        Assert.AreEqual(3, cache.Count);
    }
}
