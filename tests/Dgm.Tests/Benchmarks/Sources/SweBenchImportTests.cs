using System.Text.Json;
using System.Text.Json.Nodes;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;
using static Dgm.Tests.Support.ExternalRepo;

namespace Dgm.Tests.Benchmarks.Sources;

/// <summary>`dgm bench import` on SWE-bench-format JSONL and git repositories the test builds: what imports validates, what cannot import says why.</summary>
[TestClass]
public sealed class SweBenchImportTests
{
    private const string Library = "namespace Calc;\n\npublic static class Ops\n{\n    public static int Add(int a, int b) => a - b;\n\n    public static int Twice(int a) => a * 2;\n}\n";

    private const string VisibleTests = """
        namespace Calc.Tests;

        [TestClass]
        public sealed class OpsTests
        {
            [TestMethod]
            public void TwiceDoubles() => Assert.AreEqual(4, Ops.Twice(2));
        }

        [TestClass]
        public sealed class NetworkTests
        {
            [TestMethod]
            public void Downloads() => System.Environment.FailFast("this test needs the network: it must never run");
        }
        """;

    private const string NewTests = """
        namespace Calc.Tests;

        [TestClass]
        public sealed class AddTests
        {
            [TestMethod]
            [DataRow(1, 2, 3)]
            [DataRow(2, 2, 4)]
            public void AddsSmallNumbers(int a, int b, int sum) => Assert.AreEqual(sum, Ops.Add(a, b));

            [TestMethod]
            public void AddsLargeNumbers() => Assert.AreEqual(3000, Ops.Add(1000, 2000));
        }
        """;

    [TestMethod]
    public async Task Instances_import_as_a_suite_that_validates_and_those_that_cannot_are_listed_with_the_reason()
    {
        var work = Directory.CreateTempSubdirectory("dgm-import-test-").FullName;
        try
        {
            // A mirror of "acme/calc": a base commit, the fix, and the test patch, each as its diff.
            var mirror = Path.Combine(work, "mirrors", "acme__calc");
            Put(Path.Combine(mirror, "src", "Calc", "Calc.csproj"), ExternalRepo.LibraryProject);
            Put(Path.Combine(mirror, "src", "Calc", "Ops.cs"), Library);
            Put(Path.Combine(mirror, "tests", "Calc.Tests", "Calc.Tests.csproj"), ExternalRepo.MSTestProject("../../src/Calc/Calc.csproj"));
            Put(Path.Combine(mirror, "tests", "Calc.Tests", "OpsTests.cs"), VisibleTests);
            await GitAsync(mirror, "init", "-q");
            await GitAsync(mirror, "add", "-A");
            await GitAsync(mirror, "commit", "-qm", "base");
            var baseCommit = (await GitAsync(mirror, "rev-parse", "HEAD")).Trim();
            File.WriteAllText(Path.Combine(mirror, "src", "Calc", "Ops.cs"), Library.Replace("a - b", "a + b", StringComparison.Ordinal));
            var patch = await GitAsync(mirror, "diff");
            await GitAsync(mirror, "commit", "-qam", "fix");
            Put(Path.Combine(mirror, "tests", "Calc.Tests", "AddTests.cs"), NewTests);
            await GitAsync(mirror, "add", "-A");
            var testPatch = await GitAsync(mirror, "diff", "--cached");
            await GitAsync(mirror, "commit", "-qm", "tests");

            string Instance(string id, string repo = "acme/calc", string? commit = null, string? gold = null, object? failToPass = null) => new JsonObject
            {
                ["instance_id"] = id,
                ["repo"] = repo,
                ["base_commit"] = commit ?? baseCommit,
                ["patch"] = gold ?? patch,
                ["test_patch"] = testPatch,
                ["problem_statement"] = "Ops.Add(1, 2) returns -1: it subtracts.",
                // As SWE-bench stores them (JSON-encoded strings), with a data row's display name and a name without its namespace.
                ["FAIL_TO_PASS"] = JsonSerializer.Serialize(failToPass ?? new[] { "Calc.Tests.AddTests.AddsSmallNumbers (1,2,3)", "AddTests.AddsLargeNumbers" }),
                ["PASS_TO_PASS"] = new JsonArray("Calc.Tests.OpsTests.TwiceDoubles", "Calc.Tests.NetworkTests.Downloads"),
                ["version"] = "1.2",
                ["environment_setup_commit"] = baseCommit,
            }.ToJsonString();
            var instances = Path.Combine(work, "instances.jsonl");
            File.WriteAllLines(instances,
            [
                Instance("acme__calc-1"),
                Instance("acme__calc-2", commit: "0123456789abcdef0123456789abcdef01234567"),
                Instance("acme__calc-3", gold: patch.Replace("a - b", "a * b", StringComparison.Ordinal)),
                Instance("acme__calc-4", failToPass: new[] { "Calc.Tests.AddTests.Subtracts" }),
                Instance("acme__calc-5", failToPass: new[] { "Calc.Tests.NetworkTests.Downloads" }),
                Instance("acme__other-1", repo: "acme/other"),
                "{not json",
            ]);
            var suite = Path.Combine(work, "suite");

            // The repository's config names an SDK it builds with that is not installed here (pinned, then rolled
            // forward), and tests no grade may run (they crash the test process: were they run, gold would not resolve).
            var config = Path.Combine(work, "repos.json");
            File.WriteAllText(config, """{"repos": {"acme/calc": {"sdk": "10.0.100", "exclude_tests": ["Calc.Tests.Network*"]}}}""");
            var (exit, output, error) = await DgmCli.RunAsync("bench", "import", "--instances", instances, "--repos", Path.Combine(work, "mirrors"), "--out", suite, "--config", config);

            Assert.AreEqual(0, exit, output + error);
            StringAssert.Contains(output, "1 of 7 instances imported");
            StringAssert.Contains(output, "imported acme__calc-1");
            StringAssert.Contains(output, "SKIPPED  acme__calc-2: base_commit 0123456789abcdef0123456789abcdef01234567 is not in the mirror");
            StringAssert.Contains(output, "SKIPPED  acme__calc-3: patch (the gold fix) does not apply at base_commit");
            StringAssert.Contains(output, "SKIPPED  acme__calc-4: FAIL_TO_PASS names tests the test project does not declare: Calc.Tests.AddTests.Subtracts");
            StringAssert.Contains(output, "SKIPPED  acme__calc-5: the config's exclude_tests leaves out FAIL_TO_PASS tests: Calc.Tests.NetworkTests.Downloads");
            StringAssert.Contains(output, "SKIPPED  acme__other-1: no local mirror of acme/other");
            StringAssert.Contains(output, "SKIPPED  line 7: line 7 is not valid JSON");
            StringAssert.Contains(output, "AddTests.AddsLargeNumbers -> Calc.Tests.AddTests.AddsLargeNumbers");
            StringAssert.Contains(output, "PASS_TO_PASS: 1 test(s) left out by exclude_tests (Calc.Tests.NetworkTests.Downloads)");

            CollectionAssert.AreEqual(new[] { "acme__calc-1" }, Directory.GetDirectories(suite).Select(Path.GetFileName).ToArray(), "a skipped instance leaves no folder");
            var task = TaskLoader.Load(Path.Combine(suite, "acme__calc-1"));
            CollectionAssert.AreEqual(new[] { "Calc.Tests.AddTests.AddsSmallNumbers", "Calc.Tests.AddTests.AddsLargeNumbers" }, task.Spec.FailToPass.ToArray());
            CollectionAssert.AreEqual(new[] { "dotnet", "test", "--project", "tests/Calc.Tests/Calc.Tests.csproj" }, task.Spec.TestCommand.ToArray());
            CollectionAssert.AreEqual(new[] { "Calc.Tests.OpsTests.TwiceDoubles" }, task.Spec.PassToPass.ToArray());
            CollectionAssert.AreEqual(new[] { "Calc.Tests.Network*" }, task.Spec.ExcludeTests.ToArray());
            Assert.IsFalse(File.Exists(Path.Combine(task.RepoDir, "tests", "Calc.Tests", "AddTests.cs")), "the new tests are hidden");
            Assert.IsTrue(File.Exists(Path.Combine(task.HiddenDir, "tests", "Calc.Tests", "AddTests.cs")));
            Assert.IsFalse(Directory.Exists(Path.Combine(task.RepoDir, ".git")), "no history in the task's repository");
            StringAssert.Contains(File.ReadAllText(Path.Combine(task.RepoDir, "src", "Calc", "Ops.cs")), "a - b", "the repository is at the base commit");
            var tags = JsonNode.Parse(File.ReadAllText(Path.Combine(suite, "acme__calc-1", "task.json")))!["tags"]!;
            Assert.AreEqual("1.2", (string?)tags["version"]);
            Assert.AreEqual(baseCommit, (string?)tags["environment_setup_commit"]);
            var sdk = JsonNode.Parse(File.ReadAllText(Path.Combine(task.RepoDir, "global.json")))!["sdk"]!;
            Assert.AreEqual("10.0.100", (string?)sdk["version"]);
            Assert.AreEqual("latestMajor", (string?)sdk["rollForward"], "10.0.100's feature band is not installed here (10.0.4xx): it rolls forward");

            // The imported suite is a suite like any other: gold resolves twice, an empty patch does not.
            var (valid, validation, validationError) = await DgmCli.RunAsync("bench", "validate", "--suite", suite, "--workers", "1");
            Assert.AreEqual(0, valid, validation + validationError);
            StringAssert.Contains(validation, "1 of 1 task valid");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_missing_instances_file_or_mirror_folder_is_a_clear_error()
    {
        var (exit, _, error) = await DgmCli.RunAsync("bench", "import", "--instances", "/nonexistent.jsonl", "--repos", "/tmp", "--out", "/tmp/x");
        Assert.AreNotEqual(0, exit);
        StringAssert.Contains(error, "Instances file '/nonexistent.jsonl' does not exist.");
    }


    private static async Task<string> GitAsync(string repo, params string[] args)
    {
        var (exit, output) = await AgentProcess.RunToolAsync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", .. args], repo);
        Assert.AreEqual(0, exit, output);
        return output;
    }
}
