namespace Checkout.Tests;

[TestClass]
public sealed class CartTests
{
    private static readonly Bundle Breakfast = new("breakfast", ["coffee", "croissant", "juice"], 10);

    [TestMethod]
    public void SubtotalAddsLines()
    {
        var cart = new Cart([]);
        cart.Add(new Product("coffee", 3m), 2);
        cart.Add(new Product("juice", 4m));
        Assert.AreEqual(10m, cart.Subtotal);
    }

    [TestMethod]
    public void FullBundleIsDiscounted()
    {
        var cart = new Cart([Breakfast]);
        cart.Add(new Product("coffee", 3m));
        cart.Add(new Product("croissant", 2m));
        cart.Add(new Product("juice", 5m));
        Assert.AreEqual(9m, cart.Total());
    }

    [TestMethod]
    public void BestCompleteBundleWins()
    {
        var lunch = new Bundle("lunch", ["sandwich", "juice"], 15);
        var huge = new Bundle("huge", ["sandwich", "cake"], 50);
        var cart = new Cart([Breakfast, lunch, huge]);
        cart.Add(new Product("sandwich", 6m));
        cart.Add(new Product("juice", 4m));
        Assert.AreEqual("lunch", cart.BestBundle()?.Name);
        Assert.AreEqual(8.5m, cart.Total());
    }

    [TestMethod]
    public void ZeroQuantityIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Cart([]).Add(new Product("x", 1m), 0));
}
