using System.Runtime.Versioning;
using Dgm.Archive;
using static Dgm.Tests.Archive.ArchiveTestKit;

namespace Dgm.Tests.Archive;

/// <summary>The lineage repository, checked with the real git command line.</summary>
[TestClass]
[UnsupportedOSPlatform("windows")] // executable bits are part of what a node's source is
public sealed class LineageTests
{
    [TestMethod]
    public void Commit_keeps_the_source_and_leaves_out_build_output_links_and_big_files()
    {
        using var run = new TempFolder();
        var source = Source(run, "src", new()
        {
            ["Agent.cs"] = "class Agent {}\n",
            ["Tools/Bash.cs"] = "class Bash {}\n",
            ["run.sh"] = "#!/bin/sh\n",
            ["exactly-1MiB.txt"] = new string('x', 1024 * 1024),
            ["too-big.log"] = new string('x', 1024 * 1024 + 1),
            ["bin/Debug/Agent.dll"] = "MZ",
            ["obj/project.assets.json"] = "{}",
            ["Tools/obj/x.cs"] = "generated",
            [".git/HEAD"] = "ref: refs/heads/main\n",
        });
        File.SetUnixFileMode(Path.Combine(source, "run.sh"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(source, "passwd"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(source, "etc"), "/etc");

        using var lineage = Lineage.Open(run.Path);
        var sha = lineage.Commit(Seed(), source, "seed");

        var gitDir = run[Lineage.FolderName];
        Assert.AreEqual("Agent.cs\nTools/Bash.cs\nexactly-1MiB.txt\nrun.sh\n", Git(gitDir, "ls-tree", "-r", "--name-only", "node/0"));
        StringAssert.StartsWith(Git(gitDir, "ls-tree", "node/0", "run.sh"), "100755 blob");
        Assert.AreEqual(sha + "\n", Git(gitDir, "rev-parse", "node/0"));
        Assert.AreEqual("dgm <dgm@localhost> 2026-11-23T09:30:00+01:00|dgm <dgm@localhost>|seed\n", Git(gitDir, "log", "-1", "--format=%an <%ae> %aI|%cn <%ce>|%s", "node/0"));
        Assert.AreEqual("Dgm-Node: 0", Git(gitDir, "log", "-1", "--format=%(trailers)", "node/0").Trim());
    }

    [TestMethod]
    public void Children_chain_to_their_parents_commits_and_git_log_reads_the_lineage()
    {
        using var run = new TempFolder();
        using (var lineage = Lineage.Open(run.Path))
        {
            CommitTree(lineage, run);
        }

        using var reopened = Lineage.Open(run.Path);
        var gitDir = run[Lineage.FolderName];
        Assert.AreEqual("node 3 (parent 1)\nnode 1 (parent 0)\nseed\n", Git(gitDir, "log", "--format=%s", "node/3"));
        Assert.AreEqual("node 2 (parent 0)\nseed\n", Git(gitDir, "log", "--format=%s", "node/2"));
        CollectionAssert.AreEqual(new[] { "3", "1", "0" }, reopened.Ancestry("3").ToArray());
        CollectionAssert.AreEqual(new[] { "0" }, reopened.Ancestry("0").ToArray());
    }

    [TestMethod]
    public void MarkBest_points_HEAD_so_that_plain_git_log_shows_the_best_lineage()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        CommitTree(lineage, run);
        var gitDir = run[Lineage.FolderName];

        lineage.MarkBest("3");
        Assert.AreEqual("node 3 (parent 1)\nnode 1 (parent 0)\nseed\n", Git(gitDir, "log", "--format=%s"));

        lineage.MarkBest("2");
        Assert.AreEqual("refs/heads/node/2\n", Git(gitDir, "symbolic-ref", "HEAD"));
        Assert.AreEqual("node 2 (parent 0)\nseed\n", Git(gitDir, "log", "--format=%s"));
    }

    [TestMethod]
    public void Export_rebuilds_a_node_source_byte_for_byte_with_its_executable_bits()
    {
        using var run = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["Agent.cs"] = "line one\r\nline two without newline",
            ["deep/er/still/file.txt"] = "\u00e9t\u00e9 \u2603\n",
            ["run.sh"] = "#!/bin/sh\necho hi\n",
        };
        var source = Source(run, "src", files);
        File.SetUnixFileMode(Path.Combine(source, "run.sh"), (UnixFileMode)0b111_101_101);
        using var lineage = Lineage.Open(run.Path);
        lineage.Commit(Seed(), source, "seed");
        lineage.Commit(Node("1", "0"), Source(run, "child", new() { ["Other.cs"] = "x" }), "node 1");

        lineage.Export("0", run["out"]);

        AssertSameFolder(source, run["out"]);
        Assert.AreNotEqual((UnixFileMode)0, File.GetUnixFileMode(run["out/run.sh"]) & UnixFileMode.UserExecute);
        Assert.AreEqual((UnixFileMode)0, File.GetUnixFileMode(run["out/Agent.cs"]) & UnixFileMode.UserExecute);
    }

    [TestMethod]
    public void Diff_is_in_git_format_and_git_apply_turns_the_from_node_into_the_to_node()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        lineage.Commit(Seed(), Source(run, "seed", new()
        {
            ["a.txt"] = "one\ntwo\nthree\n",
            ["gone.txt"] = "bye\n",
            ["no-newline.txt"] = "last line",
            ["src/keep.cs"] = "class Keep {}\n",
        }), "seed");
        lineage.Commit(Node("1", "0"), Source(run, "child", new()
        {
            ["a.txt"] = "one\n2\nthree\nfour\n",
            ["no-newline.txt"] = "last line, changed",
            ["src/keep.cs"] = "class Keep {}\n",
            ["src/New.cs"] = "class New {}\n",
        }), "node 1 (parent 0)");

        var diff = lineage.Diff("0", "1");

        StringAssert.Contains(diff, "diff --git a/src/New.cs b/src/New.cs\nnew file mode 100644\n");
        StringAssert.Contains(diff, "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n");
        StringAssert.Contains(diff, "--- a/a.txt\n+++ b/a.txt\n");
        Assert.IsFalse(diff.Contains("keep.cs", StringComparison.Ordinal));
        lineage.Export("0", run["work"]);
        File.WriteAllText(run["child.patch"], diff);
        GitIn(run["work"], "apply", "--whitespace=nowarn", run["child.patch"]);
        lineage.Export("1", run["expected"]);
        AssertSameFolder(run["expected"], run["work"]);
    }

    [TestMethod]
    public void Diff_of_identical_sources_is_empty()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        var files = new Dictionary<string, string> { ["a.txt"] = "same\n" };
        lineage.Commit(Seed(), Source(run, "seed", files), "seed");
        lineage.Commit(Node("1", "0"), Source(run, "child", files), "node 1");

        Assert.AreEqual("", lineage.Diff("0", "1"));
    }

    [TestMethod]
    public void Diff_size_counts_added_and_removed_lines_and_read_file_gives_one_file_of_a_nodes_source()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        lineage.Commit(Seed(), Source(run, "seed", new() { ["a.txt"] = "1\n2\n3\n", ["Repair/Operators.cs"] = "old\n" }), "seed");
        lineage.Commit(Node("1", "0"), Source(run, "child", new() { ["a.txt"] = "1\ntwo\n3\n4\n", ["Repair/Operators.cs"] = "new\n" }), "node 1");

        Assert.AreEqual(5, lineage.DiffSize("0", "1"), "a.txt: -1 +2; Operators.cs: -1 +1");
        Assert.AreEqual(0, lineage.DiffSize("1", "1"));
        Assert.AreEqual("new\n", lineage.ReadFile("1", "Repair/Operators.cs"));
        Assert.AreEqual("old\n", lineage.ReadFile("0", "Repair/Operators.cs"));
        Assert.IsNull(lineage.ReadFile("1", "Repair/Missing.cs"));
        Assert.IsNull(lineage.ReadFile("1", "Repair"), "a folder is not a file");
    }

    [TestMethod]
    public void Recommitting_a_node_moves_its_branch()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        var first = lineage.Commit(Seed(), Source(run, "a", new() { ["a.txt"] = "1" }), "seed");

        var second = lineage.Commit(Seed(), Source(run, "b", new() { ["a.txt"] = "2" }), "seed again");

        Assert.AreNotEqual(first, second);
        Assert.AreEqual(second + "\n", Git(run[Lineage.FolderName], "rev-parse", "node/0"));
    }

    [TestMethod]
    public void An_unknown_node_throws_NodeNotFound_with_the_id()
    {
        using var run = new TempFolder();
        using var lineage = Lineage.Open(run.Path);
        var source = Source(run, "seed", new() { ["a.txt"] = "a" });
        lineage.Commit(Seed(), source, "seed");

        var export = Assert.ThrowsExactly<NodeNotFoundException>(() => lineage.Export("9", run["out"]));
        var orphan = Assert.ThrowsExactly<NodeNotFoundException>(() => lineage.Commit(Node("5", "4"), source, "node 5"));
        Assert.ThrowsExactly<NodeNotFoundException>(() => lineage.Diff("0", "9"));
        Assert.ThrowsExactly<NodeNotFoundException>(() => lineage.Ancestry("best"));
        Assert.ThrowsExactly<NodeNotFoundException>(() => lineage.MarkBest("9"));

        Assert.AreEqual(("9", "4"), (export.NodeId, orphan.NodeId));
        StringAssert.Contains(export.Message, "Node '9' has no commit in ");
        StringAssert.Contains(export.Message, "(branch node/9 is missing)");
    }

    /// <summary>seed ← 1 ← 3, seed ← 2: each node adds one file to its parent's source.</summary>
    private static void CommitTree(Lineage lineage, TempFolder run)
    {
        lineage.Commit(Seed(), Source(run, "s0", new() { ["seed.txt"] = "0" }), "seed");
        lineage.Commit(Node("1", "0"), Source(run, "s1", new() { ["seed.txt"] = "0", ["one.txt"] = "1" }), "node 1 (parent 0)");
        lineage.Commit(Node("2", "0"), Source(run, "s2", new() { ["seed.txt"] = "0", ["two.txt"] = "2" }), "node 2 (parent 0)");
        lineage.Commit(Node("3", "1"), Source(run, "s3", new() { ["seed.txt"] = "0", ["one.txt"] = "1", ["three.txt"] = "3" }), "node 3 (parent 1)");
    }

    private static string Source(TempFolder run, string name, Dictionary<string, string> files)
    {
        var root = run[name];
        foreach (var (path, content) in files)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }

        Directory.CreateDirectory(root);
        return root;
    }

    private static void AssertSameFolder(string expected, string actual)
    {
        static Dictionary<string, string> Read(string root) => Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToBase64String(File.ReadAllBytes(f)));

        var (e, a) = (Read(expected), Read(actual));
        CollectionAssert.AreEquivalent(e.Keys.ToList(), a.Keys.ToList());
        foreach (var (path, content) in e)
        {
            Assert.AreEqual(content, a[path], path);
        }
    }
}
