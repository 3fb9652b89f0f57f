using Dgm.Tests.Support;

namespace Dgm.Tests.Agent;

/// <summary>
/// The agent's in-memory test host against the frameworks themselves: for data rows, dynamic and member data,
/// theories, fixtures and initialisers it gives each test the verdict its framework gives, and where it cannot
/// (an initialiser that reads its TestContext) it says so, and the worker that checks repair candidates runs the test
/// application instead.
/// </summary>
[TestClass]
public sealed class TestHostFrameworkTests
{
    private const string Library = """
        namespace Calc;

        public static class Ops
        {
            public static int Add(int a, int b) => a + b;
        }
        """;

    private static readonly string MSTestProject = TestProject(
        "<EnableMSTestRunner>true</EnableMSTestRunner>",
        """<PackageReference Include="MSTest.TestFramework" Version="4.5.2" /><PackageReference Include="MSTest.TestAdapter" Version="4.5.2" />""");

    // xUnit v3 on Microsoft.Testing.Platform: run directly, the application takes the platform's options (--report-trx).
    private static readonly string XunitProject = TestProject(
        "<UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>",
        """<PackageReference Include="xunit.v3.mtp-v2" Version="3.2.2" />""");

    private static string TestProject(string property, string packages) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <OutputType>Exe</OutputType>
            <IsTestProject>true</IsTestProject>
            {property}
          </PropertyGroup>
          <ItemGroup>
            {packages}
            <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="2.5.2" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Calc/Calc.csproj" />
          </ItemGroup>
        </Project>
        """;

    [TestMethod]
    public async Task MSTest_data_rows_dynamic_data_tuples_and_initialisers_get_the_verdicts_MSTest_gives()
    {
        using var repo = await BuildAsync(MSTestProject, """
            namespace Calc.Tests;

            [TestClass]
            public static class Setup
            {
                public static int Ready;

                [AssemblyInitialize]
                public static void Init(TestContext _) => Ready = 1;
            }

            [TestClass]
            public sealed class OpsTests : IDisposable
            {
                private static int _classReady;
                private int _testReady;

                [ClassInitialize]
                public static void ClassInit(TestContext _) => _classReady = 2;

                [TestInitialize]
                public void Before() => _testReady = 3;

                public void Dispose() => _testReady = 0;

                public static IEnumerable<object[]> Rows => [[1, 1, 2], [0, 0, 0]];

                public static IEnumerable<object[]> BadRows() => [[1, 1, 3]];

                public static IEnumerable<(int, int)> Tuples => [(1, 2), (3, 6)];

                [TestMethod]
                public void Adds() => Assert.AreEqual(3, Ops.Add(1, 2));

                [TestMethod]
                public void InitialisersRan() => Assert.AreEqual((1, 2, 3), (Setup.Ready, _classReady, _testReady));

                [TestMethod]
                [DataRow(1, 2, 3)]
                [DataRow(2, 2, 5)]
                public void OneRowOfTwoFails(int a, int b, int c) => Assert.AreEqual(c, Ops.Add(a, b));

                [TestMethod]
                [DataRow(1, 2, 3)]
                [DataRow(2, 2, 4)]
                public void EveryRowPasses(int a, int b, int c) => Assert.AreEqual(c, Ops.Add(a, b));

                [TestMethod]
                [DynamicData(nameof(Rows))]
                public void FromAProperty(int a, int b, int c) => Assert.AreEqual(c, Ops.Add(a, b));

                [TestMethod]
                [DynamicData(nameof(BadRows))]
                public void FromAMethodThatFails(int a, int b, int c) => Assert.AreEqual(c, Ops.Add(a, b));

                [TestMethod]
                [DynamicData(nameof(Other.Pairs), typeof(Other))]
                public void FromAnotherType(int a, int b) => Assert.AreEqual(b, Ops.Add(a, a));

                [TestMethod]
                [DynamicData(nameof(Tuples))]
                public void FromTuples(int a, int b) => Assert.AreEqual(b, Ops.Add(a, a));

                [TestMethod]
                [DataRow(1, 1L)]
                public void ValuesOfTheWrongTypeAreNotConverted(long a, int b) => Assert.AreEqual(a, (long)Ops.Add(b, 0));

                [TestMethod]
                [DataRow(2)]
                public void OptionalParameters(int a, int b = 2) => Assert.AreEqual(4, Ops.Add(a, b));

                [TestMethod]
                [DataRow(null)]
                public void Nulls(string? s) => Assert.IsNull(s);

                [TestMethod]
                [DataRow(new[] { 1, 2 }, 3)]
                public void Arrays(int[] parts, int total) => Assert.AreEqual(total, parts.Sum());
            }

            public static class Other
            {
                public static IEnumerable<object[]> Pairs => [[1, 2], [2, 5]];
            }
            """);

        AssertSameVerdicts(await FrameworkAsync(repo.Dll), await InMemoryAsync(repo.Dll));
    }

    [TestMethod]
    public async Task XUnit_theories_member_and_class_data_fixtures_and_lifetimes_get_the_verdicts_xUnit_gives()
    {
        using var repo = await BuildAsync(XunitProject, """
            using Xunit;

            namespace Calc.Tests;

            public sealed class Counter
            {
                public static int Made;

                public Counter() => Made++;
            }

            public class OpsTests(Counter counter) : IClassFixture<Counter>, IDisposable
            {
                public static IEnumerable<object[]> Rows => [[1, 1, 2], [0, 0, 0]];

                public static TheoryData<int, int> Typed => new() { { 1, 2 }, { 2, 5 } };

                public void Dispose() => GC.KeepAlive(counter);

                [Fact]
                public void Adds() => Assert.Equal(3, Ops.Add(1, 2));

                [Fact]
                public void TheClassFixtureIsMadeOnce() => Assert.Equal(1, Counter.Made);

                [Theory]
                [InlineData(1, 2, 3)]
                [InlineData(2, 2, 5)]
                public void OneRowOfTwoFails(int a, int b, int c) => Assert.Equal(c, Ops.Add(a, b));

                [Theory]
                [InlineData(1, 2, 3)]
                [InlineData(2, 2, 4)]
                public void EveryRowPasses(int a, int b, int c) => Assert.Equal(c, Ops.Add(a, b));

                [Theory]
                [MemberData(nameof(Rows))]
                public void FromAMember(int a, int b, int c) => Assert.Equal(c, Ops.Add(a, b));

                [Theory]
                [MemberData(nameof(Typed))]
                public void FromTheoryDataThatFails(int a, int b) => Assert.Equal(b, Ops.Add(a, a));

                [Theory]
                [ClassData(typeof(Pairs))]
                public void FromAClass(int a, long b) => Assert.Equal(b, Ops.Add(a, 0));

                [Theory]
                [InlineData(1L, 1)]
                public void ValuesAreConverted(long a, int b) => Assert.Equal(a, (long)Ops.Add(b, 0));

                [Theory]
                [InlineData(3, 1, 2)]
                [InlineData(0)]
                public void ParamsArrays(int total, params int[] parts) => Assert.Equal(total, parts.Sum());

                [Theory]
                [InlineData(2)]
                public void OptionalParameters(int a, int b = 2) => Assert.Equal(4, Ops.Add(a, b));
            }

            public class Pairs : TheoryData<int, long>
            {
                public Pairs()
                {
                    Add(1, 1);
                    Add(2, 2);
                }
            }

            public class Lifetime : IAsyncLifetime
            {
                private int _ready;

                public ValueTask InitializeAsync()
                {
                    _ready = 1;
                    return ValueTask.CompletedTask;
                }

                public ValueTask DisposeAsync() => ValueTask.CompletedTask;

                [Fact]
                public void IsInitialised() => Assert.Equal(1, _ready);

                [Fact]
                public async Task AwaitsThenFails()
                {
                    await Task.Yield();
                    Assert.Equal(2, _ready);
                }
            }
            """);

        AssertSameVerdicts(await FrameworkAsync(repo.Dll), await InMemoryAsync(repo.Dll));
    }

    [TestMethod]
    public async Task A_test_whose_initialiser_reads_its_TestContext_is_reported_and_the_repair_checks_its_candidates_with_the_application()
    {
        using var repo = await BuildAsync(MSTestProject, """
            namespace Calc.Tests;

            [TestClass]
            public sealed class WithContext
            {
                private static string? _name;

                [ClassInitialize]
                public static void Init(TestContext context) => _name = context.FullyQualifiedTestClassName;

                [TestMethod]
                public void SeesItsClassName() => Assert.AreEqual("Calc.Tests.WithContext", _name);

                [TestMethod]
                public void Adds() => Assert.AreEqual(3, Ops.Add(1, 2));
            }
            """, Library.Replace("a + b", "a - b", StringComparison.Ordinal));

        var inMemory = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "run-tests", "--tests-dll", repo.Dll], repo.Root);
        StringAssert.Contains(inMemory.Output, "UNSUPPORTED Calc.Tests.WithContext.SeesItsClassName: Calc.Tests.WithContext.Init initialises or cleans up with its TestContext");

        // The repair's worker answers for such tests by running the application, the framework giving the context.
        var problem = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-problem.md");
        File.WriteAllText(problem, "Ops.Add(1, 2) returns -1.");
        var patch = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + ".patch");
        var log = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-trajectory.json");
        try
        {
            var (exit, stderr) = await AgentProcess.RunAsync(new Dictionary<string, string>(), ["solve", "--repo", repo.Root, "--problem", problem, "--out", patch, "--log", log]);
            Assert.AreEqual(0, exit, stderr);
            using var trajectory = System.Text.Json.JsonDocument.Parse(File.ReadAllText(log));
            var notes = string.Join('\n', trajectory.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
            StringAssert.Contains(notes, "up to date, its 2 tests run as its application, since Calc.Tests.WithContext.", notes);
            StringAssert.Contains(notes, "Calc.Tests.WithContext.Adds", "the failing test guides the repair");
            Assert.AreEqual("plausible_patch", trajectory.RootElement.GetProperty("stop_reason").GetString(), notes);
            StringAssert.Contains(File.ReadAllText(patch), "+    public static int Add(int a, int b) => a + b;");
        }
        finally
        {
            foreach (var file in new[] { problem, patch, log })
            {
                File.Delete(file);
            }
        }
    }

    private static void AssertSameVerdicts(IReadOnlyDictionary<string, string> framework, (IReadOnlyDictionary<string, string> Verdicts, string Output) inMemory)
    {
        Assert.IsFalse(inMemory.Output.Contains("UNSUPPORTED", StringComparison.Ordinal), inMemory.Output);
        Assert.IsTrue(framework.Values.Contains("PASS") && framework.Values.Contains("FAIL"), "the fixture has tests that pass and tests that fail");
        var differences = framework.Keys.Union(inMemory.Verdicts.Keys)
            .Where(t => framework.GetValueOrDefault(t) != inMemory.Verdicts.GetValueOrDefault(t))
            .Select(t => $"{t}: framework {framework.GetValueOrDefault(t) ?? "-"}, in memory {inMemory.Verdicts.GetValueOrDefault(t) ?? "-"}")
            .ToList();
        Assert.AreEqual(0, differences.Count, string.Join('\n', differences) + "\n" + inMemory.Output);
    }

    /// <summary>Per test, PASS when every result of it passed: the test application run with a TRX report, as the harness reads it.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> FrameworkAsync(string dll)
    {
        var results = Directory.CreateTempSubdirectory("dgm-trx-").FullName;
        try
        {
            await AgentProcess.RunToolAsync("dotnet", ["exec", dll, "--report-trx", "--results-directory", results], Path.GetDirectoryName(dll)!);
            var trx = Directory.EnumerateFiles(results, "*.trx").Single();
            return Dgm.Benchmarks.Grading.TrxReader.Read(File.ReadAllText(trx))
                .ToDictionary(p => p.Key, p => p.Value == Dgm.Benchmarks.Grading.TestStatus.Passed ? "PASS" : "FAIL", StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private static async Task<(IReadOnlyDictionary<string, string> Verdicts, string Output)> InMemoryAsync(string dll)
    {
        var (exit, output) = await AgentProcess.RunToolAsync("dotnet", [AgentProcess.Dll, "run-tests", "--tests-dll", dll], Path.GetDirectoryName(dll)!);
        Assert.AreEqual(0, exit, output);
        var verdicts = output.Split('\n')
            .Where(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal))
            .ToDictionary(l => l[5..].Split(": ", 2)[0].Trim(), l => l[..4], StringComparer.Ordinal);
        return (verdicts, output);
    }

    private static async Task<BuiltRepo> BuildAsync(string testProject, string tests, string library = Library)
    {
        var root = Directory.CreateTempSubdirectory("dgm-frameworks-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "src", "Calc"));
        Directory.CreateDirectory(Path.Combine(root, "tests", "Calc.Tests"));
        File.WriteAllText(Path.Combine(root, "src", "Calc", "Calc.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "src", "Calc", "Ops.cs"), library);
        File.WriteAllText(Path.Combine(root, "tests", "Calc.Tests", "Calc.Tests.csproj"), testProject);
        File.WriteAllText(Path.Combine(root, "tests", "Calc.Tests", "OpsTests.cs"), tests);
        var build = await AgentProcess.RunToolAsync("dotnet", ["build", "tests/Calc.Tests/Calc.Tests.csproj"], root);
        Assert.AreEqual(0, build.Exit, build.Output);
        var dll = Path.Combine(root, "tests", "Calc.Tests", "bin", "Debug", "net10.0", "Calc.Tests.dll");
        Assert.IsTrue(File.Exists(dll), build.Output);
        return new BuiltRepo(root, dll);
    }

    private sealed record BuiltRepo(string Root, string Dll) : IDisposable
    {
        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
