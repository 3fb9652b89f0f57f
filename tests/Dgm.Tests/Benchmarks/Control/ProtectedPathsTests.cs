using Dgm.Benchmarks.Control;
using Dgm.Benchmarks.Tasks;
using Dgm.Tests.Archive;
using Dgm.Tests.Support;

namespace Dgm.Tests.Benchmarks.Control;

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
    [DataRow("src/Directory.Build.rsp")]
    [DataRow("NuGet.Config")]
    [DataRow("src/Lib/Lib.csproj")]
    [DataRow("src/Lib/build/hook.targets")]
    [DataRow("src/Lib/extra.props")]
    [DataRow("src/Lib/Lib.sln")]
    [DataRow(".gitignore")]
    [DataRow("src/.gitattributes")]
    [DataRow("src/Lib/runtimeconfig.template.json")]
    [DataRow("test.runsettings")]
    [DataRow("testconfig.json")]
    public void Tests_and_every_build_and_configuration_file_are_protected(string path) => Assert.IsTrue(ProtectedPaths.Defaults.IsProtected(path));

    [TestMethod]
    [DataRow("src/Lib/Lib.cs")]
    [DataRow("src/Lib/Testing.cs")]
    [DataRow("README.md")]
    [DataRow("src/Lib/data.json")]
    public void Source_and_data_files_are_not_protected(string path) => Assert.IsFalse(ProtectedPaths.Defaults.IsProtected(path));

    [TestMethod]
    public void A_test_project_outside_a_test_folder_is_protected_as_a_whole()
    {
        using var temp = new TempFolder();
        var task = TaskIn(temp.Path, new TaskControl());
        Files.Write(task.RepoDir, "checks/Lib.Checks/Lib.Checks.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"MSTest.TestFramework\" /></ItemGroup></Project>");
        Files.Write(task.RepoDir, "checks/Lib.Checks/Checks.cs", "class C { }");

        var paths = ProtectedPaths.For(task);

        Assert.IsTrue(paths.IsProtected("checks/Lib.Checks/Checks.cs"));
        Assert.IsTrue(paths.IsProtected("checks/Lib.Checks/New.cs"));
        Assert.IsFalse(paths.IsProtected("checks/Other.cs"));
    }

    [TestMethod]
    public void A_file_a_project_imports_is_protected_whatever_its_name()
    {
        using var temp = new TempFolder();
        var task = TaskIn(temp.Path, new TaskControl());
        Files.Write(task.RepoDir, "src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><Import Project=\"shared/settings.xml\" /></Project>");

        Assert.IsTrue(ProtectedPaths.For(task).IsProtected("src/Lib/shared/settings.xml"));
    }

    [TestMethod]
    public void A_task_may_open_a_build_file_to_its_fixes_but_never_a_test_project_or_a_hidden_file()
    {
        using var temp = new TempFolder();
        var task = TaskIn(temp.Path, new TaskControl { AllowEdits = ["src/**/*.csproj", "tests/**", "hidden.cs"] });
        Files.Write(task.HiddenDir, "hidden.cs", "class H { }");

        var paths = ProtectedPaths.For(task);

        Assert.IsFalse(paths.IsProtected("src/Lib/Lib.csproj"));
        Assert.IsTrue(paths.IsProtected("tests/Lib.Tests/LibTests.cs"));
        Assert.IsTrue(paths.IsProtected("hidden.cs"));
        Assert.IsTrue(paths.IsProtected("src/Directory.Build.props"));
    }

    private static BenchTask TaskIn(string folder, TaskControl control)
    {
        Directory.CreateDirectory(Path.Combine(folder, "repo"));
        Directory.CreateDirectory(Path.Combine(folder, "hidden"));
        return new BenchTask(folder, new TaskSpec { InstanceId = "t", TestCommand = ["dotnet", "test"], FailToPass = ["A.B.C"], PassToPass = [], Control = control });
    }
}
