using Dgm.Benchmarks.Grading;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class ProtectedPathsTests
{
    [TestMethod]
    [DataRow("tests/Lib.Tests/LibTests.cs")]
    [DataRow("tests/Lib.Tests/Lib.Tests.csproj")]
    [DataRow("src/Lib/HelperTests.cs")]
    [DataRow("Lib.Tests/Anything.cs")]
    [DataRow("global.json")]
    [DataRow("Directory.Build.props")]
    [DataRow("src/Directory.Build.targets")]
    [DataRow("NuGet.Config")]
    public void Tests_and_build_infrastructure_are_protected(string path) => Assert.IsTrue(ProtectedPaths.IsProtected(path));

    [TestMethod]
    [DataRow("src/Lib/Lib.cs")]
    [DataRow("src/Lib/Lib.csproj")]
    [DataRow("src/Lib/Testing.cs")]
    [DataRow("README.md")]
    public void Source_files_are_not_protected(string path) => Assert.IsFalse(ProtectedPaths.IsProtected(path));
}
