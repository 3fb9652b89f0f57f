using Dgm.Benchmarks.Grading;
using Dgm.Benchmarks.Grading.Fast;
using Dgm.Benchmarks.Sources;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Support;
using static Dgm.Tests.Support.ExternalRepo;

namespace Dgm.Tests.Benchmarks.Sources;

/// <summary>Repositories the project did not write: the traps their test projects set, and xUnit v3 graded like MSTest.</summary>
[TestClass]
public sealed class ExternalCodeTests
{
    private static readonly string MSTestProject = ExternalRepo.MSTestProject("../../src/BowlingGame/BowlingGame.csproj");


    [TestMethod]
    public async Task A_test_project_named_like_a_global_type_fails_to_build_with_the_TRX_extension_and_builds_once_prepared()
    {
        var work = Directory.CreateTempSubdirectory("dgm-trap-").FullName;
        try
        {
            // Exercise style: the library's type in the global namespace, the test project named after it.
            string Write(string name)
            {
                var repo = Path.Combine(work, name);
                Put(Path.Combine(repo, "src", "BowlingGame", "BowlingGame.csproj"), ExternalRepo.LibraryProject);
                Put(Path.Combine(repo, "src", "BowlingGame", "Bowling.cs"), "public class Bowling\n{\n    public int Score() => 0;\n}\n");
                Put(Path.Combine(repo, "tests", "Bowling", "Bowling.csproj"), MSTestProject);
                Put(Path.Combine(repo, "tests", "Bowling", "BowlingTests.cs"), """
                    using Microsoft.VisualStudio.TestTools.UnitTesting;

                    [TestClass]
                    public class BowlingTests
                    {
                        [TestMethod]
                        public void AGutterGameScoresZero() => Assert.AreEqual(0, new Bowling().Score());
                    }
                    """);
                return repo;
            }

            var trapped = Write("trapped");
            var project = Path.Combine(trapped, "tests", "Bowling", "Bowling.csproj");
            File.WriteAllText(project, MSTestProject.Replace("</ItemGroup>\n  <ItemGroup>", "  <PackageReference Include=\"Microsoft.Testing.Extensions.TrxReport\" Version=\"2.5.2\" />\n  </ItemGroup>\n  <ItemGroup>", StringComparison.Ordinal));
            var failed = await AgentProcess.RunToolAsync("dotnet", ["build", project], trapped);
            Assert.AreNotEqual(0, failed.Exit, "the trap is real: " + failed.Output);
            StringAssert.Contains(failed.Output, "error CS0118");

            var prepared = Write("prepared");
            var changes = TestProjectSetup.Prepare(prepared, "tests/Bowling/Bowling.csproj");
            Assert.IsTrue(changes.Any(c => c.Contains("root namespace Bowling -> DgmTests.Bowling", StringComparison.Ordinal)), string.Join('\n', changes));
            Assert.IsTrue(changes.Any(c => c.Contains("Microsoft.Testing.Extensions.TrxReport", StringComparison.Ordinal)), string.Join('\n', changes));
            Assert.AreEqual(0, TestProjectSetup.Prepare(prepared, "tests/Bowling/Bowling.csproj").Count, "preparing twice changes nothing");

            var results = Path.Combine(work, "results");
            var run = await AgentProcess.RunToolAsync("dotnet", ["test", "--project", "tests/Bowling/Bowling.csproj", "--report-trx", "--results-directory", results], prepared);
            Assert.AreEqual(0, run.Exit, run.Output);
            var trx = TrxReader.Read(File.ReadAllText(Directory.EnumerateFiles(results, "*.trx").Single()));
            Assert.AreEqual(TestStatus.Passed, trx["BowlingTests.AGutterGameScoresZero"]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [TestMethod]
    public void A_repository_without_such_a_collision_keeps_its_root_namespace()
    {
        var repo = Directory.CreateTempSubdirectory("dgm-notrap-").FullName;
        try
        {
            Put(Path.Combine(repo, "src", "Bowling", "Game.cs"), "namespace Bowling;\n\npublic class Game;\n");
            Put(Path.Combine(repo, "tests", "Bowling", "Bowling.csproj"), MSTestProject);
            var changes = TestProjectSetup.Prepare(repo, "tests/Bowling/Bowling.csproj");
            Assert.IsFalse(changes.Any(c => c.Contains("root namespace", StringComparison.Ordinal)), string.Join('\n', changes));
            Assert.IsFalse(File.ReadAllText(Path.Combine(repo, "tests", "Bowling", "Bowling.csproj")).Contains("RootNamespace", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [TestMethod]
    public async Task An_xUnit_v3_task_on_the_testing_platform_grades_like_an_MSTest_one_on_both_paths_gold_resolves_no_fix_does_not_and_excluded_tests_never_run()
    {
        var folder = Directory.CreateTempSubdirectory("dgm-xunit-task-").FullName;
        try
        {
            var repo = Path.Combine(folder, "repo");
            Put(Path.Combine(repo, "src", "Calc", "Calc.csproj"), ExternalRepo.LibraryProject);
            Put(Path.Combine(repo, "src", "Calc", "Ops.cs"), "namespace Calc;\n\npublic static class Ops\n{\n    public static int Add(int a, int b) => a - b;\n}\n");
            Put(Path.Combine(repo, "tests", "Calc.Tests", "Calc.Tests.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <IsTestProject>true</IsTestProject>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="xunit.v3.mtp-v2" Version="3.2.2" />
                  </ItemGroup>
                  <ItemGroup>
                    <ProjectReference Include="../../src/Calc/Calc.csproj" />
                  </ItemGroup>
                </Project>
                """);
            const string Tests = """
                using Xunit;

                namespace Calc.Tests;

                public class OpsTests
                {
                    [Fact]
                    public void ZeroIsNeutral() => Assert.Equal(5, Ops.Add(5, 0));

                    [Theory]
                    [InlineData(1, 2, 3)]
                    [InlineData(2, 2, 4)]
                    public void Adds(int a, int b, int sum) => Assert.Equal(sum, Ops.Add(a, b));
                }

                public class NetworkTests
                {
                    [Fact]
                    public void Downloads() => System.Environment.FailFast("this test needs the network: it must never run");
                }
                """;
            Put(Path.Combine(repo, "tests", "Calc.Tests", "OpsTests.cs"), Tests);
            Put(Path.Combine(folder, "hidden", "tests", "Calc.Tests", "OpsTests.cs"), Tests);
            var changes = TestProjectSetup.Prepare(repo, "tests/Calc.Tests/Calc.Tests.csproj");
            Assert.IsTrue(changes.Any(c => c.Contains("xUnit v3 runs on Microsoft.Testing.Platform", StringComparison.Ordinal)), string.Join('\n', changes));
            await GradesOnBothPathsAsync(folder, "external__xunit-add", excluded: "Calc.Tests.Network*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_repository_of_an_older_dotnet_pinned_to_an_SDK_not_installed_here_rolls_forward_and_grades_on_both_paths_without_the_tests_it_excludes()
    {
        var folder = Directory.CreateTempSubdirectory("dgm-net8-task-").FullName;
        try
        {
            // A repository of .NET 8: global.json pins its SDK, both projects target net8.0; only .NET 10 is installed.
            var repo = Path.Combine(folder, "repo");
            Put(Path.Combine(repo, "global.json"), "{\n  \"sdk\": { \"version\": \"8.0.100\" }\n}\n");
            Put(Path.Combine(repo, "Directory.Build.props"), "<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n");
            Put(Path.Combine(repo, "src", "Calc", "Calc.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>\n");
            Put(Path.Combine(repo, "src", "Calc", "Ops.cs"), "namespace Calc;\n\npublic static class Ops\n{\n    public static int Add(int a, int b) => a - b;\n}\n");
            Put(Path.Combine(repo, "tests", "Calc.Tests", "Calc.Tests.csproj"), ExternalRepo.MSTestProject("../../src/Calc/Calc.csproj").Replace("<TargetFramework>net10.0</TargetFramework>", "", StringComparison.Ordinal));
            const string Tests = """
                namespace Calc.Tests;

                [TestClass]
                public sealed class OpsTests
                {
                    [TestMethod]
                    public void ZeroIsNeutral() => Assert.AreEqual(5, Ops.Add(5, 0));

                    [TestMethod]
                    public void Adds() => Assert.AreEqual(3, Ops.Add(1, 2));
                }

                [TestClass]
                public sealed class NetworkTests
                {
                    [TestMethod]
                    public void Downloads() => System.Environment.FailFast("this test needs the network: it must never run");
                }
                """;
            Put(Path.Combine(repo, "tests", "Calc.Tests", "OpsTests.cs"), Tests);
            Put(Path.Combine(folder, "hidden", "tests", "Calc.Tests", "OpsTests.cs"), Tests);
            var unprepared = await AgentProcess.RunToolAsync("dotnet", ["--version"], repo);
            Assert.AreNotEqual(0, unprepared.Exit, "the pin is real: no SDK here satisfies 8.0.100: " + unprepared.Output);

            var changes = TestProjectSetup.Prepare(repo, "tests/Calc.Tests/Calc.Tests.csproj");
            Assert.IsTrue(changes.Any(c => c.StartsWith("global.json: pins the .NET SDK 8.0.100 (rollForward latestPatch), which is not installed here", StringComparison.Ordinal)), string.Join('\n', changes));
            Assert.IsTrue(changes.Any(c => c.Contains("targets net8.0, whose runtime is not installed here", StringComparison.Ordinal)), string.Join('\n', changes));
            Assert.AreEqual(0, TestProjectSetup.Prepare(repo, "tests/Calc.Tests/Calc.Tests.csproj").Count, "preparing twice changes nothing");

            await GradesOnBothPathsAsync(folder, "external__net8-add", excluded: "Calc.Tests.NetworkTests.*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void An_SDK_pin_is_satisfied_as_the_SDK_resolves_it_under_each_roll_forward_policy()
    {
        Assert.IsTrue(TestProjectSetup.SdkSatisfies("10.0.100", "latestPatch", "10.0.105"));
        Assert.IsFalse(TestProjectSetup.SdkSatisfies("10.0.100", "latestPatch", "10.0.401"), "another feature band");
        Assert.IsTrue(TestProjectSetup.SdkSatisfies("10.0.100", "latestFeature", "10.0.401"));
        Assert.IsFalse(TestProjectSetup.SdkSatisfies("10.0.401", "latestFeature", "10.0.100"), "older");
        Assert.IsTrue(TestProjectSetup.SdkSatisfies("8.0.100", "latestMajor", "10.0.401"));
        Assert.IsFalse(TestProjectSetup.SdkSatisfies("8.0.100", "latestMinor", "10.0.401"), "another major");
        Assert.IsFalse(TestProjectSetup.SdkSatisfies("11.0.100", "latestMajor", "10.0.401"), "newer than installed");
        Assert.IsTrue(TestProjectSetup.SdkSatisfies("10.0.401", "disable", "10.0.401"));
        Assert.IsFalse(TestProjectSetup.SdkSatisfies("10.0.400", "disable", "10.0.401"));
        Assert.IsTrue(TestProjectSetup.SdkSatisfies("10.0.100-rc.1.25451.107", "latestFeature", "10.0.401"), "a preview pin");
    }

    /// <summary>
    /// The task of the Calc repository in <paramref name="folder"/> (Ops.Add subtracts; Adds fails, ZeroIsNeutral passes): its gold patch
    /// resolves and no fix does not, on the full and the fast path, with the same per-test results.
    /// </summary>
    /// <summary>Gold resolves and an empty patch does not, on both paths with the same per-test results; the task's excluded tests (which crash the test process) never run.</summary>
    private static async Task GradesOnBothPathsAsync(string folder, string id, string excluded)
    {
        Put(Path.Combine(folder, "problem.md"), "Ops.Add(1, 2) returns -1.");
        Put(Path.Combine(folder, "gold.patch"), "diff --git a/src/Calc/Ops.cs b/src/Calc/Ops.cs\n--- a/src/Calc/Ops.cs\n+++ b/src/Calc/Ops.cs\n@@ -5 +5 @@\n-    public static int Add(int a, int b) => a - b;\n+    public static int Add(int a, int b) => a + b;\n");
        Put(Path.Combine(folder, "task.json"), $$"""
            {
              "instance_id": "{{id}}",
              "test_command": ["dotnet", "test", "--project", "tests/Calc.Tests/Calc.Tests.csproj"],
              "FAIL_TO_PASS": ["Calc.Tests.OpsTests.Adds"],
              "PASS_TO_PASS": ["Calc.Tests.OpsTests.ZeroIsNeutral"],
              "exclude_tests": ["{{excluded}}"]
            }
            """);
        var task = TaskLoader.Load(folder);
        var factory = await DockerFixture.FactoryAsync();
        await PackageCache.EnsureAsync([task], PackageCache.DefaultFolder, CancellationToken.None);
        var grader = new Grader(factory, new GradingEnvironment(GradingEnvironment.HostSdkDir(), PackageCache.DefaultFolder), "tests");
        var fast = new Grader(factory, grader.Environment, "tests") { Plans = new BuildPlans(factory, grader.Environment, "tests") };
        foreach (var (patch, expected) in new[] { (File.ReadAllText(Path.Combine(folder, "gold.patch")), GradeStatus.Resolved), ("", GradeStatus.Unresolved) })
        {
            var full = await grader.GradeAsync(task, patch, CancellationToken.None, runEmpty: true);
            Assert.AreEqual(expected, full.Status, $"{full.Error}\n{full.OutputTail}");

            // The fast path starts the built application itself: on the platform it takes the TRX options too.
            var quick = await fast.GradeAsync(task, patch, CancellationToken.None, runEmpty: true, path: GradingPath.Fast);
            Assert.AreEqual("fast", quick.GradedBy, quick.Fallback);
            Assert.AreEqual(expected, quick.Status, $"{quick.Error}\n{quick.OutputTail}");
            CollectionAssert.AreEquivalent(full.Tests.ToList(), quick.Tests.ToList());
            Assert.IsFalse(full.Tests.Keys.Any(t => t.Contains("Network", StringComparison.Ordinal)), "an excluded test is in no report");
        }
    }
}
