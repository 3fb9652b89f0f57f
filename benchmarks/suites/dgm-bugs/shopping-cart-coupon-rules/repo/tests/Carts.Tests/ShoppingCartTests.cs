namespace Carts.Tests;

[TestClass]
public sealed class ShoppingCartTests
{
    private static readonly Product Sneakers = new("SNK-1", "Sneakers", "shoes", 80.00m);
    private static readonly Product Socks = new("SCK-3", "Socks", "clothing", 4.50m);
    private static readonly DateOnly Today = new(2024, 5, 20);

    [TestMethod]
    public void Subtotal_SumsQuantities()
    {
        var cart = new ShoppingCart();
        cart.Add(Sneakers);
        cart.Add(Socks, 2);
        cart.Add(Socks);
        Assert.AreEqual(93.50m, cart.Subtotal);
        Assert.AreEqual(4, cart.ItemCount);
    }

    [TestMethod]
    public void StorewideCoupon_AppliesToWholeCart()
    {
        var cart = new ShoppingCart();
        cart.Add(Sneakers);
        cart.Add(Socks);
        cart.ApplyCoupon(new Coupon("ALL10", 10m, 50m, new DateOnly(2024, 12, 31)));
        Assert.AreEqual(8.45m, cart.Discount(Today));
        Assert.AreEqual(76.05m, cart.Total(Today));
    }

    [TestMethod]
    public void StorewideCoupon_BelowMinimum_NoDiscount()
    {
        var cart = new ShoppingCart();
        cart.Add(Socks);
        cart.ApplyCoupon(new Coupon("ALL10", 10m, 50m, new DateOnly(2024, 12, 31)));
        Assert.AreEqual(4.50m, cart.Total(Today));
    }

    [TestMethod]
    public void CategoryCoupon_OnlyDiscountsCategoryItems()
    {
        var cart = new ShoppingCart();
        cart.Add(Sneakers);
        cart.Add(Socks, 2);
        cart.ApplyCoupon(new Coupon("SHOES20", 20m, 50m, new DateOnly(2024, 5, 31), "shoes"));
        Assert.AreEqual(16.00m, cart.Discount(Today));
    }

    [TestMethod]
    public void CategoryCoupon_WithoutCategoryItems_NoDiscount()
    {
        var cart = new ShoppingCart();
        cart.Add(Socks, 20);
        Assert.IsFalse(cart.IsEligible(new Coupon("SHOES20", 20m, 50m, new DateOnly(2024, 5, 31), "shoes"), Today));
    }
}
