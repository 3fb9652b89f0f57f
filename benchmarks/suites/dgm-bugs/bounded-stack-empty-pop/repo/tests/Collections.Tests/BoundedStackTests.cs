namespace Collections.Tests;

[TestClass]
public sealed class BoundedStackTests
{
    [TestMethod]
    public void PopReturnsLastPushed()
    {
        var stack = new BoundedStack<int>(3);
        stack.Push(1);
        stack.Push(2);
        Assert.AreEqual(2, stack.Pop());
        Assert.AreEqual(1, stack.Count);
    }

    [TestMethod]
    public void PushOnFullThrows()
    {
        var stack = new BoundedStack<int>(1);
        stack.Push(1);
        Assert.ThrowsExactly<InvalidOperationException>(() => stack.Push(2));
    }
}
