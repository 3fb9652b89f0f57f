using System.Reflection;
using System.Runtime.Loader;

namespace Dgm.Agent.Repair;

/// <summary>
/// The child process that runs tests for one candidate: loads the test assembly with the candidate
/// library in place of the built one, runs the named test methods by reflection (MSTest or xUnit), and
/// prints one line per test: "PASS name" or "FAIL name: message". A loop or a crash only kills this process.
/// </summary>
public static class TestHost
{
    public static async Task<int> RunAsync(string testsDll, string? overrideDll, IReadOnlyList<string> tests)
    {
        var context = new CandidateContext(testsDll, overrideDll);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(testsDll));
        var wanted = tests.ToHashSet(StringComparer.Ordinal);
        foreach (var type in SafeTypes(assembly))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var name = $"{type.FullName}.{method.Name}";
                if ((wanted.Count > 0 && !wanted.Contains(name)) || !HasAttribute(method, "TestMethodAttribute", "FactAttribute"))
                {
                    continue;
                }

                var error = await RunOneAsync(type, method);
                Console.WriteLine(error is null ? $"PASS {name}" : $"FAIL {name}: {error.ReplaceLineEndings(" ")}");
            }
        }

        return 0;
    }

    private static async Task<string?> RunOneAsync(Type type, MethodInfo method)
    {
        try
        {
            var instance = method.IsStatic ? null : Activator.CreateInstance(type);
            await InvokeAll(type, instance, "TestInitializeAttribute");
            try
            {
                await Invoke(method, instance);
            }
            finally
            {
                await InvokeAll(type, instance, "TestCleanupAttribute");
            }

            return null;
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            return $"{inner.GetType().Name}: {inner.Message}";
        }
    }

    private static async Task InvokeAll(Type type, object? instance, string attribute)
    {
        foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => HasAttribute(m, attribute)))
        {
            await Invoke(m, instance);
        }
    }

    private static async Task Invoke(MethodInfo method, object? instance)
    {
        var result = method.Invoke(instance, null);
        if (result is Task task)
        {
            await task;
        }
    }

    private static bool HasAttribute(MemberInfo member, params string[] names) =>
        member.GetCustomAttributes(inherit: true).Any(a => names.Contains(a.GetType().Name) || names.Contains(a.GetType().BaseType?.Name));

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>Resolves the test assembly's dependencies from its folder, and the library under repair from the candidate.</summary>
    private sealed class CandidateContext(string testsDll, string? overrideDll) : AssemblyLoadContext(isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(Path.GetFullPath(testsDll));
        private readonly string? _overrideName = overrideDll is null ? null : AssemblyName.GetAssemblyName(overrideDll).Name;

        protected override Assembly? Load(AssemblyName name)
        {
            if (_overrideName is not null && name.Name == _overrideName)
            {
                return LoadFromAssemblyPath(Path.GetFullPath(overrideDll!));
            }

            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}
