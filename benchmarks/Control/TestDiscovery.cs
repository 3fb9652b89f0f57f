using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Dgm.Benchmarks.Control;

/// <summary>
/// The tests a compiled test assembly declares, read from its metadata alone (no code of it or of the library
/// it references runs): "Namespace.Class.Method" for every test method of MSTest, xUnit or NUnit, inherited
/// ones included, in every non-abstract class.
/// </summary>
public static class TestDiscovery
{
    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal)
    {
        "TestMethodAttribute", "DataTestMethodAttribute", // MSTest
        "FactAttribute", "TheoryAttribute", // xUnit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute", // NUnit
    };

    /// <summary>The test names in <paramref name="assemblyPath"/>; throws <see cref="BadImageFormatException"/> for a file that is no assembly.</summary>
    public static IReadOnlySet<string> TestsIn(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyPath} holds no .NET metadata");
        }

        var reader = pe.GetMetadataReader();
        var tests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Abstract) != 0 || (type.Attributes & TypeAttributes.Interface) != 0)
            {
                continue;
            }

            var name = FullName(reader, type);
            for (var current = (TypeDefinitionHandle?)handle; current is { } h; current = BaseInAssembly(reader.GetTypeDefinition(h)))
            {
                foreach (var methodHandle in reader.GetTypeDefinition(h).GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    if (method.GetCustomAttributes().Any(a => IsTestAttribute(reader, a)))
                    {
                        tests.Add($"{name}.{reader.GetString(method.Name)}");
                    }
                }
            }
        }

        return tests;
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } outer)
        {
            return $"{FullName(reader, reader.GetTypeDefinition(outer))}+{name}";
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    private static TypeDefinitionHandle? BaseInAssembly(TypeDefinition type) =>
        !type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : null;

    private static bool IsTestAttribute(MetadataReader reader, CustomAttributeHandle handle)
    {
        var attribute = reader.GetCustomAttribute(handle);
        var typeHandle = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default(EntityHandle),
        };

        // An attribute the test assembly defines itself counts when it derives from a framework's test attribute.
        for (var depth = 0; depth < 8 && !typeHandle.IsNil; depth++)
        {
            switch (typeHandle.Kind)
            {
                case HandleKind.TypeReference:
                    return TestAttributes.Contains(reader.GetString(reader.GetTypeReference((TypeReferenceHandle)typeHandle).Name));
                case HandleKind.TypeDefinition:
                    var definition = reader.GetTypeDefinition((TypeDefinitionHandle)typeHandle);
                    if (TestAttributes.Contains(reader.GetString(definition.Name)))
                    {
                        return true;
                    }

                    typeHandle = definition.BaseType;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
