using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace Dgm.Agent.Runtime;

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
    /// The test application's packages (its test framework and libraries, nothing built from the repository)
    /// are loaded once, in this process's own context, and shared by every candidate: loading and compiling
    /// them again per candidate was most of a check's time.
    /// </summary>
    public static async Task<int> ServeAsync(string testsDll)
    {
        var answer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        Console.SetOut(Console.Error);
        var shared = new SharedPackages(testsDll);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                continue;
            }

            var context = new CandidateContext(testsDll, parts[0].Length == 0 ? null : parts[0], collectible: true, shared);
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
        var types = SafeTypes(assembly).ToList();
        var selected = types
            .Select(t => (Type: t, Tests: t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => HasAttribute(m, "TestMethodAttribute", "FactAttribute") && (wanted.Count == 0 || wanted.Contains($"{t.FullName}.{m.Name}")))
                .ToList()))
            .Where(s => s.Tests.Count > 0)
            .ToList();
        if (selected.Count == 0)
        {
            return;
        }

        // The assembly's initialiser runs once before the first test, its cleanup after the last, as the framework runs them.
        var assemblyLevel = types.SelectMany(t => Lifecycle.Methods(t, "AssemblyInitializeAttribute", "AssemblyCleanupAttribute")).ToList();
        foreach (var reason in assemblyLevel.Select(Lifecycle.Unsupported).OfType<string>())
        {
            await output.WriteLineAsync($"UNSUPPORTED {reason}");
        }

        var assemblyError = await Lifecycle.RunAsync(assemblyLevel.Where(m => HasAttribute(m, "AssemblyInitializeAttribute")));
        foreach (var (type, methods) in selected)
        {
            var classLevel = Lifecycle.Methods(type, "ClassInitializeAttribute", "ClassCleanupAttribute").ToList();
            var classWhy = classLevel.Select(Lifecycle.Unsupported).OfType<string>().FirstOrDefault();
            var fixtures = new Fixtures(type);
            var classError = assemblyError ?? fixtures.Error ?? await Lifecycle.RunAsync(classLevel.Where(m => HasAttribute(m, "ClassInitializeAttribute")));
            foreach (var method in methods)
            {
                var name = $"{type.FullName}.{method.Name}";
                if ((classWhy ?? Unsupported(type, method, fixtures)) is { } why)
                {
                    // Run the way a test framework would, this test might pass or fail differently: say so.
                    await output.WriteLineAsync($"UNSUPPORTED {name}: {why}");
                }

                var error = classError;
                if (error is null)
                {
                    var (rows, noRows) = TestRows.Of(method);
                    if (noRows is not null)
                    {
                        await output.WriteLineAsync($"UNSUPPORTED {name}: {noRows}");
                    }

                    error = rows.Count == 0 ? ("no data rows to run it with", "") : null;
                    foreach (var row in rows)
                    {
                        // A data-driven test passes when every row does, as the framework's report aggregates them.
                        if ((error = await RunOneAsync(type, method, row, fixtures)) is not null)
                        {
                            break;
                        }
                    }
                }

                if (error is not { } failed)
                {
                    await output.WriteLineAsync($"PASS {name}");
                    continue;
                }

                await output.WriteLineAsync($"FAIL {name}: {failed.Message.ReplaceLineEndings(" ")}");
                await output.WriteLineAsync($"TRACE {name}\t{failed.Trace.ReplaceLineEndings("\u001f")}");
            }

            await Lifecycle.RunAsync(classLevel.Where(m => HasAttribute(m, "ClassCleanupAttribute")));
            await fixtures.DisposeAsync();
        }

        await Lifecycle.RunAsync(assemblyLevel.Where(m => HasAttribute(m, "AssemblyCleanupAttribute")));
    }

    /// <summary>What a test framework does with this test that a plain call does not, or null when a call runs it as the framework would.</summary>
    private static string? Unsupported(Type type, MethodInfo method, Fixtures fixtures)
    {
        var attributes = AttributeNames(method);
        return method.ContainsGenericParameters ? "is a generic method"
            : attributes.FirstOrDefault(a => a is "TimeoutAttribute" or "ExpectedExceptionAttribute" or "IgnoreAttribute" or "RetryAttribute" or "STATestMethodAttribute") is { } attribute ? $"has [{attribute[..^"Attribute".Length]}]"
            : method.GetCustomAttributes(inherit: true).Any(a => a.GetType().GetProperty("Skip")?.GetValue(a) is string) ? "is skipped"
            : method.IsStatic || !type.IsPublic && !type.IsNestedPublic || type.IsAbstract || type.ContainsGenericParameters ? "is not a public instance method of a concrete public class"
            : attributes.Contains("TestMethodAttribute") && !AttributeNames(type).Contains("TestClassAttribute") ? "is not in a [TestClass]"
            : method.ReturnType != typeof(void) && method.ReturnType != typeof(Task) && method.ReturnType != typeof(ValueTask) || method.ReturnType == typeof(void) && method.GetCustomAttributes().Any(a => a.GetType().Name == "AsyncStateMachineAttribute") ? $"returns {method.ReturnType.Name}"
            : fixtures.Constructor is null ? "its class has no constructor that takes nothing or only its class fixtures (collection fixtures, output helpers)"
            : new[] { "TestInitializeAttribute", "TestCleanupAttribute" }.Any(a => type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Count(m => HasAttribute(m, a)) > 1) ? "its class has more than one test initialiser or cleanup (their order is the framework's)"
            : type.GetProperty("TestContext") is not null ? "its class takes a TestContext"
            : null;
    }

    private static HashSet<string> AttributeNames(MemberInfo member) =>
        [.. member.GetCustomAttributes(inherit: true).SelectMany(a => new[] { a.GetType().Name, a.GetType().BaseType?.Name ?? "" })];

    /// <summary>
    /// One test (one row of a data-driven one) as the frameworks run it: a fresh instance of its class (given its
    /// class fixtures), xUnit's InitializeAsync or MSTest's test initialisers, the call, then the cleanups and Dispose.
    /// </summary>
    private static async Task<(string Message, string Trace)?> RunOneAsync(Type type, MethodInfo method, TestRows.Row row, Fixtures fixtures)
    {
        object? instance = null;
        try
        {
            var arguments = TestRows.Bind(method, row);
            instance = method.IsStatic ? null : fixtures.Constructor is { } constructor ? constructor.Invoke(fixtures.Arguments) : Activator.CreateInstance(type);
            if (instance is not null && Lifecycle.Interface(type, "IAsyncLifetime") is { } lifetime)
            {
                await Lifecycle.AwaitAsync(lifetime.GetMethod("InitializeAsync")!.Invoke(instance, null));
            }

            await InvokeAll(type, instance, "TestInitializeAttribute");
            try
            {
                await Lifecycle.AwaitAsync(method.Invoke(instance, arguments));
            }
            finally
            {
                await InvokeAll(type, instance, "TestCleanupAttribute");
            }

            return await Lifecycle.DisposeAsync(instance);
        }
        catch (Exception e)
        {
            if (instance is not null)
            {
                await Lifecycle.DisposeAsync(instance);
            }

            return Lifecycle.Describe(e);
        }
    }

    private static async Task InvokeAll(Type type, object? instance, string attribute)
    {
        foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => HasAttribute(m, attribute)))
        {
            await Lifecycle.AwaitAsync(m.Invoke(instance, null));
        }
    }

    internal static bool HasAttribute(MemberInfo member, params string[] names) =>
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

    /// <summary>
    /// Resolves the test assembly's dependencies from its folder, and the library under repair from the candidate;
    /// the application's packages, when shared, come from the process's own context.
    /// </summary>
    private sealed class CandidateContext(string testsDll, string? overrideDll, bool collectible, SharedPackages? shared = null) : AssemblyLoadContext(isCollectible: collectible)
    {
        private readonly AssemblyDependencyResolver _resolver = new(Path.GetFullPath(testsDll));
        private readonly string? _overrideName = overrideDll is null ? null : AssemblyName.GetAssemblyName(overrideDll).Name;

        protected override Assembly? Load(AssemblyName name)
        {
            if (_overrideName is not null && name.Name == _overrideName)
            {
                return LoadFromAssemblyPath(Path.GetFullPath(overrideDll!));
            }

            return shared?.Load(name) ?? (_resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null);
        }
    }

    /// <summary>
    /// The assemblies of a test application's packages and references (its deps.json says which were built from
    /// the repository: those never are), loaded once into the default context. An assembly this agent itself
    /// carries is left out, so the tests never run against the agent's version of it.
    /// </summary>
    private sealed class SharedPackages
    {
        private readonly AssemblyDependencyResolver _resolver;
        private readonly HashSet<string> _names;
        private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public SharedPackages(string testsDll)
        {
            _resolver = new AssemblyDependencyResolver(Path.GetFullPath(testsDll));
            _names = Names(Path.ChangeExtension(Path.GetFullPath(testsDll), ".deps.json"));
            AssemblyLoadContext.Default.Resolving += (_, name) => Load(name);
        }

        public Assembly? Load(AssemblyName name)
        {
            if (name.Name is not { } key || !_names.Contains(key))
            {
                return null;
            }

            lock (_loaded)
            {
                if (!_loaded.TryGetValue(key, out var assembly) && _resolver.ResolveAssemblyToPath(name) is { } path)
                {
                    _loaded[key] = assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                }

                return assembly;
            }
        }

        private static HashSet<string> Names(string depsJson)
        {
            var own = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);

            // Per library (by name): its runtime assemblies, what it depends on, and whether it may be shared at all.
            var assemblies = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var dependencies = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                using var deps = JsonDocument.Parse(File.ReadAllText(depsJson));
                var libraries = deps.RootElement.GetProperty("libraries");
                foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
                {
                    foreach (var library in target.Value.EnumerateObject())
                    {
                        var name = library.Name.Split('/')[0];
                        var files = library.Value.TryGetProperty("runtime", out var runtime) ? [.. runtime.EnumerateObject().Select(r => Path.GetFileNameWithoutExtension(r.Name))] : Array.Empty<string>();
                        assemblies[name] = files;
                        dependencies[name] = library.Value.TryGetProperty("dependencies", out var on) ? [.. on.EnumerateObject().Select(d => d.Name)] : [];
                        var project = libraries.TryGetProperty(library.Name, out var info) && info.TryGetProperty("type", out var type) && type.GetString() == "project";
                        if (project || files.Any(own.Contains))
                        {
                            excluded.Add(name); // built from the repository, or one the agent carries its own version of
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return []; // no deps.json to trust: every candidate loads everything itself, as before
            }

            // Shared only when nothing it depends on, however far down, is left out: loaded in this process's
            // context, a shared assembly binds its dependencies there, and they must be the ones the tests get.
            var shareable = new Dictionary<string, bool>(StringComparer.Ordinal);
            bool Shareable(string name, HashSet<string> path)
            {
                if (shareable.TryGetValue(name, out var known))
                {
                    return known;
                }

                var result = !excluded.Contains(name) && path.Add(name)
                    && dependencies.GetValueOrDefault(name, []).All(d => (!dependencies.ContainsKey(d) && !own.Contains(d)) || Shareable(d, path));
                path.Remove(name);
                return shareable[name] = result;
            }

            return [.. assemblies.Keys.Where(n => Shareable(n, [])).SelectMany(n => assemblies[n])];
        }
    }
}
