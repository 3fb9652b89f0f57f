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
        await RunInAsync(new CandidateContext(testsDll, overrideDll, collectible: false), testsDll, tests, Console.Out);
        return 0;
    }

    /// <summary>
    /// The long-lived child (see <see cref="TestWorker"/>): one request a line, "OVERRIDE\tTEST,TEST\tNONCE",
    /// each run in a fresh collectible load context (so one candidate's statics never reach the next), answered
    /// by result lines and "END NONCE". What the tests print goes to standard error, never into the answer.
    /// </summary>
    public static async Task<int> ServeAsync(string testsDll)
    {
        var answer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        Console.SetOut(Console.Error);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                continue;
            }

            var context = new CandidateContext(testsDll, parts[0].Length == 0 ? null : parts[0], collectible: true);
            try
            {
                await RunInAsync(context, testsDll, parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries), answer);
            }
            finally
            {
                context.Unload();
            }

            await answer.WriteLineAsync($"END {parts[2]}");
            await answer.FlushAsync();
        }

        return 0;
    }

    private static async Task RunInAsync(AssemblyLoadContext context, string testsDll, IReadOnlyList<string> tests, TextWriter output)
    {
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
                await output.WriteLineAsync(error is null ? $"PASS {name}" : $"FAIL {name}: {error.ReplaceLineEndings(" ")}");
            }
        }
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
    private sealed class CandidateContext(string testsDll, string? overrideDll, bool collectible) : AssemblyLoadContext(isCollectible: collectible)
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
