using Dgm.Benchmarks.Tasks;

namespace Dgm.Tests.Benchmarks.Tasks;

/// <summary>A task's exclude_tests: which declared tests they leave out, and the runner options that say so.</summary>
[TestClass]
public sealed class TestExclusionsTests
{
    [TestMethod]
    public void Patterns_match_whole_names_with_wildcards()
    {
        string[] patterns = ["Acme.Tests.Network*", "*.RequiresDocker?"];

        Assert.IsTrue(TestExclusions.Matches(patterns, "Acme.Tests.NetworkTests.Downloads"));
        Assert.IsTrue(TestExclusions.Matches(patterns, "Acme.Tests.Io.RequiresDocker1"));
        Assert.IsFalse(TestExclusions.Matches(patterns, "Acme.Tests.Parser.Network"), "a pattern matches the whole name, not a part");
        Assert.IsFalse(TestExclusions.Matches(patterns, "Acme.Tests.Io.RequiresDocker"));
        Assert.IsFalse(TestExclusions.Matches(["Acme.Tests.A.B"], "Acme_Tests_A_B"), "a dot is a dot");
    }

    [TestMethod]
    public void The_tripwire_is_never_excluded_even_by_a_pattern_that_matches_everything()
    {
        var excluded = TestExclusions.Excluded(["*"], ["A.T.One", "Dgm.Wire.Fails", "Dgm.Wire.Passes"], ["Dgm.Wire.Fails", "Dgm.Wire.Passes"]);

        CollectionAssert.AreEqual(new[] { "A.T.One" }, excluded.ToArray());
    }

    [TestMethod]
    public void Runner_options_name_exactly_the_excluded_tests_in_each_frameworks_syntax()
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal) { "A.T.Two", "A.Outer+Inner.One" };

        CollectionAssert.AreEqual(new[] { "--filter", "FullyQualifiedName!=A.Outer+Inner.One&FullyQualifiedName!=A.T.Two" }, TestExclusions.RunnerArguments(excluded, xunit: false).ToArray());
        CollectionAssert.AreEqual(new[] { "--filter-not-method", "A.Outer+Inner.One", "--filter-not-method", "A.T.Two" }, TestExclusions.RunnerArguments(excluded, xunit: true).ToArray());
        Assert.AreEqual(0, TestExclusions.RunnerArguments(new HashSet<string>(), xunit: false).Count, "nothing excluded: the command is unchanged");
        Assert.AreEqual("FullyQualifiedName!=A.T.M\\(x\\)", TestExclusions.RunnerArguments(new HashSet<string> { "A.T.M(x)" }, xunit: false)[1], "the filter's operator characters are escaped");
    }
}
