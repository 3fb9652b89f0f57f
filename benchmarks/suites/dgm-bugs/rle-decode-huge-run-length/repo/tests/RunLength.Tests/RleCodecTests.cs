namespace RunLength.Tests;

[TestClass]
public sealed class RleCodecTests
{
    [TestMethod]
    public void Encode_CountsRuns() => Assert.AreEqual("3a1b2c", RleCodec.Encode("aaabcc"));

    [TestMethod]
    public void Encode_EscapesDigitsAndBackslashes() => Assert.AreEqual(@"3\12\\", RleCodec.Encode(@"111\\"));

    [TestMethod]
    public void Decode_RoundTripsEncode()
    {
        const string text = @"zz9\\9  aaaaaaaaaaaa!";
        Assert.AreEqual(text, RleCodec.Decode(RleCodec.Encode(text)));
    }

    [TestMethod]
    public void Decode_MissingRunLengthThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("a3b"));

    [TestMethod]
    public void Decode_ZeroRunLengthThrows() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("2a0b"));

    [TestMethod]
    public void Decode_HugeRunLengthThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => RleCodec.Decode("99999999999x"));
}
