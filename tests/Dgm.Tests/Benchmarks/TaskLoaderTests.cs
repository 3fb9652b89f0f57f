using Dgm.Benchmarks.Tasks;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class TaskLoaderTests
{
    private string _dir = "";

    [TestInitialize]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("dgm-taskloader-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "repo"));
        Directory.CreateDirectory(Path.Combine(_dir, "hidden"));
        File.WriteAllText(Path.Combine(_dir, "gold.patch"), "diff");
        File.WriteAllText(Path.Combine(_dir, "problem.md"), "it breaks");
        File.WriteAllText(Path.Combine(_dir, "task.json"), """
            { "instance_id": "s__t", "test_command": ["dotnet", "test"], "FAIL_TO_PASS": ["A.B.C"], "PASS_TO_PASS": [],
              "tags": { "split": "holdout", "bug_class": "off-by-one" } }
            """);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void Loads_a_well_formed_task()
    {
        var task = TaskLoader.Load(_dir);

        Assert.AreEqual("s__t", task.Id);
        Assert.AreEqual("holdout", task.Spec.Tags.Split);
        Assert.AreEqual("it breaks", task.ProblemStatement);
    }

    [TestMethod]
    public void Malformed_json_is_a_clear_error_naming_the_task()
    {
        File.WriteAllText(Path.Combine(_dir, "task.json"), "{ not json");

        var e = Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir));
        StringAssert.Contains(e.Message, Path.GetFileName(_dir));
        StringAssert.Contains(e.Message, "task.json is not valid");
    }

    [TestMethod]
    [DataRow("gold.patch")]
    [DataRow("problem.md")]
    public void A_missing_file_is_named(string file)
    {
        File.Delete(Path.Combine(_dir, file));

        StringAssert.Contains(Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir)).Message, $"{file} is missing");
    }

    [TestMethod]
    public void A_missing_required_field_is_an_error()
    {
        File.WriteAllText(Path.Combine(_dir, "task.json"), """{ "instance_id": "x", "FAIL_TO_PASS": [], "PASS_TO_PASS": [] }""");

        Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir));
    }

    [TestMethod]
    public void Excluding_a_test_the_grade_needs_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "task.json"), """
            { "instance_id": "s__t", "test_command": ["dotnet", "test"], "FAIL_TO_PASS": ["A.B.C"], "PASS_TO_PASS": ["A.Net.D"],
              "exclude_tests": ["A.Net.*"] }
            """);

        StringAssert.Contains(Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir)).Message, "exclude_tests leaves out A.Net.D");
    }

    [TestMethod]
    public void An_unknown_split_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "task.json"), """
            { "instance_id": "s__t", "test_command": ["dotnet"], "FAIL_TO_PASS": ["A"], "PASS_TO_PASS": [], "tags": { "split": "validation" } }
            """);

        StringAssert.Contains(Assert.ThrowsExactly<TaskFormatException>(() => TaskLoader.Load(_dir)).Message, "split");
    }

    [TestMethod]
    public void A_suite_keeps_broken_tasks_as_errors_and_loads_the_rest()
    {
        var suite = Directory.CreateTempSubdirectory("dgm-suite-").FullName;
        try
        {
            Sandbox.FileTreeCopy(_dir, Path.Combine(suite, "good"));
            Directory.CreateDirectory(Path.Combine(suite, "broken"));

            var loaded = Suite.Load(suite);

            Assert.AreEqual(1, loaded.Tasks.Count);
            Assert.AreEqual("broken", loaded.Errors.Single().Folder);
        }
        finally
        {
            Directory.Delete(suite, recursive: true);
        }
    }
}

internal static class Sandbox
{
    public static void FileTreeCopy(string from, string to) => Dgm.Sandbox.FileTree.Copy(from, to, followLinks: false);
}
