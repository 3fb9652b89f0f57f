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

    [TestMethod]
    public void PopOnEmptyThrowsInvalidOperation() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => new BoundedStack<int>(4).Pop());

    [TestMethod]
    public void PopOnEmptyLeavesStackUsable()
    {
        var stack = new BoundedStack<string>(2);
        Assert.ThrowsExactly<InvalidOperationException>(() => stack.Pop());
        Assert.AreEqual(0, stack.Count);
        stack.Push("a");
        Assert.AreEqual("a", stack.Peek());
    }

    [TestMethod]
    public void PopAfterDrainingThrows()
    {
        var stack = new BoundedStack<int>(2);
        stack.Push(1);
        stack.Pop();
        Assert.ThrowsExactly<InvalidOperationException>(() => stack.Pop());
    }
}
