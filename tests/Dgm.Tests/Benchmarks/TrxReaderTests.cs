using Dgm.Benchmarks.Grading;

namespace Dgm.Tests.Benchmarks;

[TestClass]
public sealed class TrxReaderTests
{
    private static string Trx(params (string Id, string Class, string Name, string Outcome)[] tests) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            {string.Concat(tests.Select(t => $"<UnitTestResult testId=\"{t.Id}\" testName=\"{t.Name}\" outcome=\"{t.Outcome}\" />"))}
          </Results>
          <TestDefinitions>
            {string.Concat(tests.Select(t => $"<UnitTest name=\"{t.Name}\" id=\"{t.Id}\"><TestMethod className=\"{t.Class}\" name=\"{t.Name}\" /></UnitTest>"))}
          </TestDefinitions>
        </TestRun>
        """;

    [TestMethod]
    public void Names_tests_by_class_and_method_and_maps_outcomes()
    {
        var results = TrxReader.Read(Trx(("1", "Lib.Tests.ATests", "Works", "Passed"), ("2", "Lib.Tests.ATests", "Breaks", "Failed"), ("3", "Lib.Tests.BTests", "Later", "NotExecuted")));

        Assert.AreEqual(TestStatus.Passed, results["Lib.Tests.ATests.Works"]);
        Assert.AreEqual(TestStatus.Failed, results["Lib.Tests.ATests.Breaks"]);
        Assert.AreEqual(TestStatus.Skipped, results["Lib.Tests.BTests.Later"]);
    }

    [TestMethod]
    public void A_test_reported_twice_passes_only_if_every_report_passed()
    {
        var results = TrxReader.Read(Trx(("1", "C", "T", "Failed"), ("1", "C", "T", "Passed")));

        Assert.AreEqual(TestStatus.Failed, results["C.T"]);
    }
}
