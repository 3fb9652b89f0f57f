using Dgm.Benchmarks.Control;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Control;

[TestClass]
public sealed class TreeDiffTests
{
    [TestMethod]
    public void A_file_hidden_by_an_added_gitignore_is_still_seen_and_removed()
    {
        using var temp = new TempFolder();
        var (original, patched) = Trees(temp);
        Files.Write(patched, ".gitignore", "tests/Lib.Tests/Shadow.cs\n.gitignore\n");
        Files.Write(patched, "tests/Lib.Tests/Shadow.cs", "forged");

        var undone = TreeDiff.DiscardProtected(original, patched, ProtectedPaths.Defaults);

        CollectionAssert.AreEquivalent(new[] { ".gitignore", "tests/Lib.Tests/Shadow.cs" }, undone.Select(c => c.Path).ToArray());
        Assert.IsFalse(File.Exists(Path.Combine(patched, "tests/Lib.Tests/Shadow.cs")));
        Assert.IsEmpty(TreeDiff.Compare(original, patched));
    }

    [TestMethod]
    public void Changed_and_deleted_protected_files_are_restored_byte_for_byte_and_source_edits_stay()
    {
        using var temp = new TempFolder();
        var (original, patched) = Trees(temp);
        Files.Write(patched, "tests/Lib.Tests/LibTests.cs", "rewritten");
        File.Delete(Path.Combine(patched, "src/Lib/Lib.csproj"));
        Files.Write(patched, "src/Lib/Lib.cs", "fixed");

        var undone = TreeDiff.DiscardProtected(original, patched, ProtectedPaths.Defaults);

        CollectionAssert.AreEquivalent(new[] { ("src/Lib/Lib.csproj", ChangeKind.Deleted), ("tests/Lib.Tests/LibTests.cs", ChangeKind.Changed) }, undone.Select(c => (c.Path, c.Kind)).ToArray());
        Assert.AreEqual("test", File.ReadAllText(Path.Combine(patched, "tests/Lib.Tests/LibTests.cs")));
        Assert.AreEqual("<Project />", File.ReadAllText(Path.Combine(patched, "src/Lib/Lib.csproj")));
        Assert.AreEqual("fixed", File.ReadAllText(Path.Combine(patched, "src/Lib/Lib.cs")));
    }

    [TestMethod]
    public void Links_anywhere_are_removed_and_a_test_folder_replaced_by_a_link_comes_back()
    {
        using var temp = new TempFolder();
        var (original, patched) = Trees(temp);
        Directory.Delete(Path.Combine(patched, "tests/Lib.Tests"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(patched, "tests/Lib.Tests"), Path.Combine(patched, "src/Lib"));
        File.CreateSymbolicLink(Path.Combine(patched, "src/Lib/Other.cs"), "/etc/passwd");

        TreeDiff.DiscardProtected(original, patched, ProtectedPaths.Defaults);

        Assert.IsNull(new DirectoryInfo(Path.Combine(patched, "tests/Lib.Tests")).LinkTarget);
        Assert.AreEqual("test", File.ReadAllText(Path.Combine(patched, "tests/Lib.Tests/LibTests.cs")));
        Assert.IsFalse(File.Exists(Path.Combine(patched, "src/Lib/Other.cs")) || new FileInfo(Path.Combine(patched, "src/Lib/Other.cs")).LinkTarget is not null);
        Assert.IsEmpty(TreeDiff.Compare(original, patched));
    }

    [TestMethod]
    public void A_protected_file_turned_into_a_folder_is_restored_as_the_file()
    {
        using var temp = new TempFolder();
        var (original, patched) = Trees(temp);
        File.Delete(Path.Combine(patched, "global.json"));
        Files.Write(patched, "global.json/inner.txt", "x");

        TreeDiff.DiscardProtected(original, patched, ProtectedPaths.Defaults);

        Assert.AreEqual("{}", File.ReadAllText(Path.Combine(patched, "global.json")));
    }

    private static (string Original, string Patched) Trees(TempFolder temp)
    {
        foreach (var root in new[] { temp["original"], temp["patched"] })
        {
            Files.Write(root, "src/Lib/Lib.cs", "bug");
            Files.Write(root, "src/Lib/Lib.csproj", "<Project />");
            Files.Write(root, "tests/Lib.Tests/LibTests.cs", "test");
            Files.Write(root, "global.json", "{}");
        }

        return (temp["original"], temp["patched"]);
    }
}
