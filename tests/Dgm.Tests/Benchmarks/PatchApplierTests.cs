using Dgm.Benchmarks.Grading;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class PatchApplierTests
{
    private const string Simple = """
        diff --git a/src/A.cs b/src/A.cs
        --- a/src/A.cs
        +++ b/src/A.cs
        @@ -1 +1 @@
        -old
        +new

        """;

    [TestMethod]
    public void Reads_the_paths_a_patch_names() =>
        CollectionAssert.AreEqual(new[] { "src/A.cs" }, PatchApplier.PathsOf(Simple).ToArray());

    [TestMethod]
    public void Accepts_an_ordinary_patch() => Assert.IsNull(PatchApplier.Reject(Simple));

    [TestMethod]
    [DataRow("../outside.cs")]
    [DataRow("/etc/passwd")]
    [DataRow("src/../../escape.cs")]
    [DataRow(".git/hooks/pre-commit")]
    public void Refuses_a_patch_that_reaches_outside_the_repository(string path)
    {
        var patch = Simple.Replace("src/A.cs", path, StringComparison.Ordinal);

        StringAssert.Contains(PatchApplier.Reject(patch), "outside the repository");
    }

    [TestMethod]
    public void Refuses_binary_garbage() =>
        StringAssert.Contains(PatchApplier.Reject("diff --git a/x b/x\n\0\0\u0001garbage"), "binary");

    [TestMethod]
    public void Refuses_text_that_is_not_a_diff() =>
        StringAssert.Contains(PatchApplier.Reject("I fixed it, trust me."), "not a unified diff");

    [TestMethod]
    public void Refuses_a_patch_that_creates_a_symbolic_link() =>
        StringAssert.Contains(PatchApplier.Reject("diff --git a/l b/l\nnew file mode 120000\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/etc\n"), "symbolic link");
}
