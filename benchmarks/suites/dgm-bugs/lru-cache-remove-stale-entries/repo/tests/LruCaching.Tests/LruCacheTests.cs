namespace LruCaching.Tests;

[TestClass]
public sealed class LruCacheTests
{
    private static LruCache<string, int> Filled(int capacity, params string[] keys)
    {
        var cache = new LruCache<string, int>(capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], i + 1);
        }

        return cache;
    }

    [TestMethod]
    public void Set_EvictsLeastRecentlyUsed()
    {
        var cache = Filled(2, "a", "b", "c");
        Assert.IsFalse(cache.ContainsKey("a"));
        Assert.IsTrue(cache.ContainsKey("b"));
        Assert.IsTrue(cache.ContainsKey("c"));
    }

    [TestMethod]
    public void TryGet_CountsAsUse()
    {
        var cache = Filled(2, "a", "b");
        Assert.IsTrue(cache.TryGet("a", out var a));
        Assert.AreEqual(1, a);
        cache.Set("c", 3);
        Assert.IsTrue(cache.ContainsKey("a"));
        Assert.IsFalse(cache.ContainsKey("b"));
    }

    [TestMethod]
    public void Set_ExistingKeyReplacesValue()
    {
        var cache = Filled(2, "a", "b");
        cache.Set("a", 10);
        Assert.AreEqual(2, cache.Count);
        Assert.IsTrue(cache.TryGet("a", out var a));
        Assert.AreEqual(10, a);
    }

    [TestMethod]
    public void Remove_ReportsWhetherKeyWasPresent()
    {
        var cache = Filled(2, "a");
        Assert.IsTrue(cache.Remove("a"));
        Assert.IsFalse(cache.Remove("a"));
        Assert.IsFalse(cache.TryGet("a", out _));
    }

    [TestMethod]
    public void Remove_ThenSet_StaysWithinCapacity()
    {
        var cache = Filled(2, "a", "b");
        cache.Remove("a");
        cache.Set("c", 3);
        cache.Set("d", 4);
        Assert.AreEqual(2, cache.Count);
        Assert.IsFalse(cache.ContainsKey("b"));
    }
}
