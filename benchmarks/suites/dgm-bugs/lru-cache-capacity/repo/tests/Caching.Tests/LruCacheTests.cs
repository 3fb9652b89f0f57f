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
}
