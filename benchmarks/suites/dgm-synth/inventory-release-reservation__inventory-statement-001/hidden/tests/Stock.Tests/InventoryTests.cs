namespace Stock.Tests;

[TestClass]
public sealed class InventoryTests
{
    [TestMethod]
    public void ReservingReducesAvailability()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        Assert.IsTrue(inventory.TryReserve("o1", "SKU-1", 3));
        Assert.AreEqual(7, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void CannotReserveMoreThanAvailable()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 2);
        Assert.IsFalse(inventory.TryReserve("o1", "SKU-1", 3));
    }

    [TestMethod]
    public void ShippingRemovesStock()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 5);
        inventory.TryReserve("o1", "SKU-1", 2);
        inventory.Ship("o1");
        Assert.AreEqual(3, inventory.Available("SKU-1"));
    }

    [TestMethod]
    public void ReleasingRestoresAvailability()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 10);
        inventory.TryReserve("o1", "SKU-1", 4);
        inventory.Release("o1");
        Assert.AreEqual(10, inventory.Available("SKU-1"));
        Assert.AreEqual(0, inventory.Reservations.Count);
    }

    [TestMethod]
    public void ReleasedStockCanBeReservedAgain()
    {
        var inventory = new Inventory();
        inventory.Receive("A", 1);
        inventory.TryReserve("o1", "A", 1);
        inventory.Release("o1");
        Assert.IsTrue(inventory.TryReserve("o2", "A", 1));
    }

    [TestMethod]
    public void ReleasingUnknownOrderThrows() => Assert.ThrowsExactly<KeyNotFoundException>(() => new Inventory().Release("nope"));

    [TestMethod]
    public void ReleaseOnlyAffectsItsSku()
    {
        var inventory = new Inventory();
        inventory.Receive("A", 5);
        inventory.Receive("B", 5);
        inventory.TryReserve("o1", "A", 2);
        inventory.TryReserve("o2", "B", 3);
        inventory.Release("o1");
        Assert.AreEqual(5, inventory.Available("A"));
        Assert.AreEqual(2, inventory.Available("B"));
    }
}
