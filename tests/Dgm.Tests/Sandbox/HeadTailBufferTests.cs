using System.Text;
using Dgm.Sandbox;

namespace Dgm.Tests.Sandbox;

[TestClass]
public sealed class HeadTailBufferTests
{
    [TestMethod]
    public void Keeps_everything_when_under_the_cap()
    {
        var buffer = new HeadTailBuffer(100);
        buffer.Write(Encoding.UTF8.GetBytes("hello "));
        buffer.Write(Encoding.UTF8.GetBytes("world"));

        Assert.AreEqual("hello world", buffer.ToString());
        Assert.IsFalse(buffer.Truncated);
    }

    [TestMethod]
    public void Keeps_head_and_tail_and_says_how_much_was_dropped_when_over_the_cap()
    {
        var buffer = new HeadTailBuffer(10);
        foreach (var chunk in new[] { "AAAAA", "middle-middle-middle", "ZZZZZ" })
        {
            buffer.Write(Encoding.UTF8.GetBytes(chunk));
        }

        var text = buffer.ToString();
        Assert.IsTrue(buffer.Truncated);
        Assert.StartsWith("AAAAA", text);
        Assert.EndsWith("ZZZZZ", text);
        Assert.Contains("20 bytes of output dropped", text);
        Assert.AreEqual(30, buffer.TotalBytes);
    }

    [TestMethod]
    public void Keeps_the_latest_bytes_in_the_tail_across_many_small_writes()
    {
        var buffer = new HeadTailBuffer(8);
        for (var i = 0; i < 1000; i++)
        {
            buffer.Write([(byte)('0' + (i % 10))]);
        }

        Assert.EndsWith("6789", buffer.ToString());
        Assert.StartsWith("0123", buffer.ToString());
    }
}
