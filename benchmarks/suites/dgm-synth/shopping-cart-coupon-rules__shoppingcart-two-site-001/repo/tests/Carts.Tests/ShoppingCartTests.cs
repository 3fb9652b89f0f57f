namespace Carts.Tests;

[TestClass]
public sealed class ShoppingCartTests
{
    private static readonly Product Sneakers = new("SNK-1", "Sneakers", "shoes", 80.00m);
    private static readonly Product Socks = new("SCK-3", "Socks", "clothing", 4.50m);
    private static readonly DateOnly Today = new(2024, 5, 20);

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

    [TestMethod]
    public void CategoryCoupon_BelowMinimum_NoDiscount()
    {
        var cart = new ShoppingCart();
        cart.Add(new Product("FLP-2", "Flip-flops", "shoes", 20.00m));
        cart.ApplyCoupon(new Coupon("SHOES20", 20m, 50m, new DateOnly(2024, 5, 31), "shoes"));
        Assert.AreEqual(0m, cart.Discount(Today));
        Assert.AreEqual(20.00m, cart.Total(Today));
    }

    [TestMethod]
    public void CategoryCoupon_MinimumCountsWholeCart()
    {
        var cart = new ShoppingCart();
        cart.Add(new Product("FLP-2", "Flip-flops", "shoes", 20.00m));
        cart.Add(new Product("JKT-9", "Jacket", "clothing", 45.00m));
        cart.ApplyCoupon(new Coupon("SHOES20", 20m, 50m, new DateOnly(2024, 5, 31), "shoes"));
        Assert.AreEqual(4.00m, cart.Discount(Today));
    }

    [TestMethod]
    public void Discount_RoundsToCents()
    {
        var cart = new ShoppingCart();
        cart.Add(new Product("PEN-1", "Pen", "office", 3.35m), 3);
        cart.ApplyCoupon(new Coupon("OFF15", 15m, 0m, new DateOnly(2024, 12, 31), "office"));
        Assert.AreEqual(1.51m, cart.Discount(Today));
    }

    [TestMethod]
    public void CategoryCoupon_ExpiredAndBelowMinimum_MixedCart()
    {
        var cart = new ShoppingCart();
        cart.Add(new Product("FLP-2", "Flip-flops", "shoes", 20.00m));
        cart.Add(Socks);
        var coupon = new Coupon("SHOES20", 20m, 50m, new DateOnly(2024, 5, 31), "shoes");
        Assert.IsTrue(cart.IsEligible(coupon with { MinimumSubtotal = 0m }, Today));
        Assert.IsFalse(cart.IsEligible(coupon, Today));
        Assert.IsFalse(cart.IsEligible(coupon with { MinimumSubtotal = 0m }, new DateOnly(2024, 6, 1)));
    }

    [TestMethod]
    public void Add_RejectsZeroQuantity() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ShoppingCart().Add(Socks, 0));
}
