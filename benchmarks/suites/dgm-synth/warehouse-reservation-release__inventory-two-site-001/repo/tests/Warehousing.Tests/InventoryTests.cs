namespace Warehousing.Tests;

[TestClass]
public sealed class InventoryTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void Receive_IncreasesOnHandAndAvailable()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        inventory.Receive("SKU-1", 5);
        Assert.AreEqual(15, inventory.OnHand("SKU-1"));
        Assert.AreEqual(15, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void Reserve_HoldsUnitsWithoutRemovingThem()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        inventory.Reserve("SKU-1", 4, Noon);
        Assert.AreEqual(10, inventory.OnHand("SKU-1"));
        Assert.AreEqual(4, inventory.Reserved("SKU-1"));
        Assert.AreEqual(6, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void Reserve_MoreThanAvailableThrows()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 3);
        var error = Assert.ThrowsExactly<InsufficientStockException>(() => inventory.Reserve("SKU-1", 4, Noon));
        Assert.AreEqual(3, error.Available);
    }

    [TestMethod]
    public void Cancel_MakesUnitsAvailableAgain()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        var reservation = inventory.Reserve("SKU-1", 4, Noon);
        inventory.Cancel(reservation.Id);
        Assert.AreEqual(10, inventory.Available("SKU-1"));
        Assert.AreEqual(0, inventory.OpenReservations.Count);
    }

    [TestMethod]
    public void Ship_UnknownReservationThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => new Inventory().Ship(42));

    [TestMethod]
    public void Ship_RemovesUnitsAndReleasesHold()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        var reservation = inventory.Reserve("SKU-1", 4, Noon);
        inventory.Ship(reservation.Id);
        Assert.AreEqual(6, inventory.OnHand("SKU-1"));
        Assert.AreEqual(0, inventory.Reserved("SKU-1"));
        Assert.AreEqual(6, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void Ship_KeepsOtherHoldsReserved()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        var first = inventory.Reserve("SKU-1", 3, Noon);
        inventory.Reserve("SKU-1", 2, Noon);
        inventory.Ship(first.Id);
        Assert.AreEqual(7, inventory.OnHand("SKU-1"));
        Assert.AreEqual(2, inventory.Reserved("SKU-1"));
        Assert.AreEqual(5, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void ExpireReservations_AtExactExpiryReleasesUnits()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-2", 5);
        inventory.Reserve("SKU-2", 5, Noon);
        inventory.ExpireReservations(Noon);
        var again = inventory.Reserve("SKU-2", 5, Noon.AddDays(1));
        Assert.AreEqual(5, again.Quantity);
    }

    [TestMethod]
    public void Recount_AfterShippingUsesOpenHoldsOnly()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        inventory.Ship(inventory.Reserve("SKU-1", 4, Noon).Id);
        inventory.Recount("SKU-1", 5);
        Assert.AreEqual(5, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void Recount_BelowReservedThrows()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        inventory.Reserve("SKU-1", 4, Noon);
        Assert.ThrowsExactly<InvalidOperationException>(() => inventory.Recount("SKU-1", 3));
    }

    [TestMethod]
    public void Cancel_TwiceThrows()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        var reservation = inventory.Reserve("SKU-1", 4, Noon);
        inventory.Cancel(reservation.Id);
        Assert.ThrowsExactly<KeyNotFoundException>(() => inventory.Cancel(reservation.Id));
        Assert.AreEqual(10, inventory.Available("SKU-1"));
    }
}
