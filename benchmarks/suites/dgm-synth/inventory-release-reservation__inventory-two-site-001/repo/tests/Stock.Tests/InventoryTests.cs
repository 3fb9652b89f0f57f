namespace Stock.Tests;

[TestClass]
public sealed class InventoryTests
{

    [TestMethod]
    public void CannotReserveMoreThanAvailable()
    {
        var inventory = new Inventory();
        inventory.Receive("SKU-1", 2);
        Assert.IsFalse(inventory.TryReserve("o1", "SKU-1", 3));
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
}
