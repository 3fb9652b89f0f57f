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

    [TestMethod]
    public void Constructor_RejectsZeroCapacity() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LruCache<string, int>(0));

    [TestMethod]
    public void Evicted_ReportsTheEvictedEntry()
    {
        var cache = Filled(2, "a", "b");
        var evicted = new List<string>();
        cache.Evicted += (key, value) => evicted.Add($"{key}={value}");
        cache.Set("c", 3);
        CollectionAssert.AreEqual(new[] { "a=1" }, evicted);
    }

    [TestMethod]
    public void KeysByRecency_MostRecentFirst()
    {
        var cache = Filled(3, "a", "b", "c");
        cache.TryGet("a", out _);
        CollectionAssert.AreEqual(new[] { "a", "c", "b" }, cache.KeysByRecency().ToArray());
    }

    [TestMethod]
    public void Remove_NeverReportsRemovedKeyAsEvicted()
    {
        var cache = Filled(2, "a", "b");
        var evicted = new List<string>();
        cache.Evicted += (key, _) => evicted.Add(key);
        cache.Remove("a");
        cache.Set("c", 3);
        cache.Set("d", 4);
        CollectionAssert.AreEqual(new[] { "b" }, evicted);
    }

    [TestMethod]
    public void KeysByRecency_OmitsRemovedKeys()
    {
        var cache = Filled(3, "a", "b", "c");
        cache.Remove("b");
        CollectionAssert.AreEqual(new[] { "c", "a" }, cache.KeysByRecency().ToArray());
    }

    [TestMethod]
    public void Remove_ThenSetAgain_KeepsTheNewEntry()
    {
        var cache = Filled(2, "a", "b");
        cache.Remove("a");
        cache.Set("a", 10);
        cache.Set("c", 3);
        Assert.IsTrue(cache.TryGet("a", out var a));
        Assert.AreEqual(10, a);
        Assert.IsTrue(cache.ContainsKey("c"));
        Assert.IsFalse(cache.ContainsKey("b"));
    }

    [TestMethod]
    public void Clear_ThenSet_StaysWithinCapacity()
    {
        var cache = Filled(2, "a", "b");
        cache.Clear();
        cache.Set("c", 3);
        cache.Set("d", 4);
        cache.Set("e", 5);
        Assert.AreEqual(2, cache.Count);
        CollectionAssert.AreEqual(new[] { "e", "d" }, cache.KeysByRecency().ToArray());
    }

    [TestMethod]
    public void Clear_EmptiesTheCache()
    {
        var cache = Filled(2, "a", "b");
        cache.Clear();
        Assert.AreEqual(0, cache.Count);
        Assert.AreEqual(0, cache.KeysByRecency().Count());
    }

    [TestMethod]
    public void Clear_NeverReportsClearedKeysAsEvicted()
    {
        var cache = Filled(2, "a", "b");
        var evicted = new List<string>();
        cache.Evicted += (key, _) => evicted.Add(key);
        cache.Clear();
        cache.Set("c", 3);
        cache.Set("d", 4);
        cache.Set("e", 5);
        CollectionAssert.AreEqual(new[] { "c" }, evicted);
    }
}
