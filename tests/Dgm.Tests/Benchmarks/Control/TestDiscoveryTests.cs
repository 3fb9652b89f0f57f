using Dgm.Benchmarks.Control;
using Dgm.Tests.Archive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Tests.Benchmarks.Control;

[TestClass]
public sealed class TestDiscoveryTests
{
    private const string Source = """
        using System;
        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestClassAttribute : Attribute { }
            public class TestMethodAttribute : Attribute { }
        }
        namespace Xunit { public class FactAttribute : Attribute { } }
        namespace Lib.Tests
        {
            using Microsoft.VisualStudio.TestTools.UnitTesting;
            public sealed class RetryAttribute : TestMethodAttribute { }
            public abstract class Base { [TestMethod] public void Inherited() { } }
            [TestClass] public sealed class ATests : Base
            {
                [TestMethod] public void One() { }
                [Retry] public void Derived() { }
                public void Helper() { }
                [TestClass] public sealed class Nested { [TestMethod] public void Inner() { } }
            }
            public sealed class XTests { [Xunit.Fact] public void Fact() { } }
        }
        """;

    [TestMethod]
    public void Reads_test_methods_from_metadata_with_inherited_derived_and_nested_ones()
    {
        using var temp = new TempFolder();
        var path = temp["Lib.Tests.dll"];
        var compilation = CSharpCompilation.Create("Lib.Tests", [CSharpSyntaxTree.ParseText(Source)], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(path);
        Assert.IsTrue(emit.Success, string.Join("\n", emit.Diagnostics));

        var tests = TestDiscovery.TestsIn(path);

        CollectionAssert.AreEquivalent(
            new[] { "Lib.Tests.ATests.One", "Lib.Tests.ATests.Derived", "Lib.Tests.ATests.Inherited", "Lib.Tests.ATests+Nested.Inner", "Lib.Tests.XTests.Fact" },
            tests.ToArray());
    }

    [TestMethod]
    public void A_file_that_is_no_assembly_is_an_error()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["x.dll"], "not a PE file");

        Assert.ThrowsExactly<BadImageFormatException>(() => TestDiscovery.TestsIn(temp["x.dll"]));
    }
}
