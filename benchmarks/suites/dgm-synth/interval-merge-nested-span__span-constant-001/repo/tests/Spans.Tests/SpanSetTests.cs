namespace Spans.Tests;

[TestClass]
public sealed class SpanSetTests
{
    private static SpanSet SetOf(params Span[] spans)
    {
        var set = new SpanSet();
        foreach (var span in spans)
        {
            set.Add(span);
        }

        return set;
    }

    [TestMethod]
    public void Add_DisjointSpansStaySorted()
    {
        var set = SetOf(new Span(10, 12), new Span(1, 3));
        CollectionAssert.AreEqual(new[] { new Span(1, 3), new Span(10, 12) }, set.Spans.ToArray());
    }

    [TestMethod]
    public void Add_OverlappingSpansMerge()
    {
        var set = SetOf(new Span(1, 5), new Span(3, 8));
        CollectionAssert.AreEqual(new[] { new Span(1, 8) }, set.Spans.ToArray());
    }

    [TestMethod]
    public void Add_TouchingSpansMerge()
    {
        var set = SetOf(new Span(1, 3), new Span(3, 5));
        CollectionAssert.AreEqual(new[] { new Span(1, 5) }, set.Spans.ToArray());
    }

    [TestMethod]
    public void Contains_RespectsHalfOpenEnd()
    {
        var set = SetOf(new Span(1, 3));
        Assert.IsTrue(set.Contains(1));
        Assert.IsTrue(set.Contains(2));
        Assert.IsFalse(set.Contains(3));
    }

    [TestMethod]
    public void Gaps_ListsUncoveredParts()
    {
        var set = SetOf(new Span(2, 4), new Span(6, 8));
        CollectionAssert.AreEqual(
            new[] { new Span(0, 2), new Span(4, 6), new Span(8, 10) },
            set.Gaps(new Span(0, 10)).ToArray());
    }

    [TestMethod]
    public void Add_SpanInsideAnotherKeepsOuterEnd()
    {
        var set = SetOf(new Span(0, 10), new Span(2, 4));
        CollectionAssert.AreEqual(new[] { new Span(0, 10) }, set.Spans.ToArray());
    }

    [TestMethod]
    public void TotalLength_IgnoresCoveredSpan() => Assert.AreEqual(10, SetOf(new Span(0, 10), new Span(3, 7)).TotalLength);

    [TestMethod]
    public void Contains_PointCoveredOnlyByOuterSpan() => Assert.IsTrue(SetOf(new Span(0, 10), new Span(2, 4)).Contains(7));

    [TestMethod]
    public void Normalize_NestedSpanFollowedByTouchingSpan()
    {
        var merged = SpanSet.Normalize(new[] { new Span(20, 30), new Span(0, 10), new Span(5, 6), new Span(2, 4) });
        CollectionAssert.AreEqual(new[] { new Span(0, 10), new Span(20, 30) }, merged.ToArray());
    }

    [TestMethod]
    public void Gaps_AroundNestedSpans()
    {
        var set = SetOf(new Span(5, 15), new Span(6, 7), new Span(8, 9));
        CollectionAssert.AreEqual(new[] { new Span(0, 5), new Span(15, 20) }, set.Gaps(new Span(0, 20)).ToArray());
    }

    [TestMethod]
    public void Add_EmptySpanChangesNothing()
    {
        var set = SetOf(new Span(1, 3), new Span(5, 5));
        CollectionAssert.AreEqual(new[] { new Span(1, 3) }, set.Spans.ToArray());
    }

    [TestMethod]
    public void Span_ReversedBoundsThrow() => Assert.ThrowsExactly<ArgumentException>(() => new Span(5, 2));

    [TestMethod]
    public void Add_SpanBridgingTwoSpansMergesAll()
    {
        var set = SetOf(new Span(0, 2), new Span(6, 8), new Span(1, 7));
        CollectionAssert.AreEqual(new[] { new Span(0, 8) }, set.Spans.ToArray());
        Assert.AreEqual(8, set.TotalLength);
    }
}
