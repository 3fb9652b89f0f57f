namespace RunLength.Tests;

[TestClass]
public sealed class RleCodecTests
{
    [TestMethod]
    public void Encode_CountsRuns() => Assert.AreEqual("3a1b2c", RleCodec.Encode("aaabcc"));

    [TestMethod]
    public void Encode_EscapesDigitsAndBackslashes() => Assert.AreEqual(@"3\12\\", RleCodec.Encode(@"111\\"));

    [TestMethod]
    public void Decode_MissingRunLengthThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("a3b"));

    [TestMethod]
    public void Decode_ZeroRunLengthThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2a0b"));

    [TestMethod]
    public void Decode_HugeRunLengthThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("99999999999x"));

    [TestMethod]
    public void Decode_RunLengthJustAboveIntMaxThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2147483648a"));

    [TestMethod]
    public void Decode_HugeRunLengthAfterValidRunsThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2a99999999999999999999b"));

    [TestMethod]
    public void Decode_RunLengthOverLimitThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2000000000a"));

    [TestMethod]
    public void Decode_LimitCountsEarlierRuns() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("3a3b", maxDecodedLength: 5));

    [TestMethod]
    public void Decode_IntMaxAfterValidRunThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("1a2147483647b"));

    [TestMethod]
    public void Decode_DanglingEscapeThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode(@"2a3\"));

    [TestMethod]
    public void Decode_InvalidEscapeThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode(@"2\a"));

    [TestMethod]
    public void Decode_TrailingRunLengthThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2a5"));

    [TestMethod]
    public void Decode_EmptyIsEmpty() => Assert.AreEqual("", RleCodec.Decode(""));
}
