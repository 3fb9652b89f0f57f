using System.Reflection;

namespace Dgm.Agent.Runtime;

/// <summary>
/// The parts of a test's life a framework runs around the call: assembly and class initialisers and cleanups
/// (run when they take nothing; one that takes a TestContext is reported, since a plain call cannot give it one),
/// awaiting what a test returns, and disposing a test class.
/// </summary>
internal static class Lifecycle
{
    /// <summary>The type's own static methods with one of the attributes.</summary>
    public static IEnumerable<MethodInfo> Methods(Type type, params string[] attributes) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => TestHost.HasAttribute(m, attributes));

    /// <summary>Why a plain call cannot run this initialiser or cleanup as the framework would, or null.</summary>
    public static string? Unsupported(MethodInfo method) =>
        method.GetParameters().Length > 0 && !IgnoresItsArguments(method) ? $"{method.DeclaringType?.FullName}.{method.Name} initialises or cleans up with its TestContext"
        : method.ContainsGenericParameters ? $"{method.DeclaringType?.FullName}.{method.Name} is generic"
        : null;

    /// <summary>
    /// Whether a static method never reads or writes its arguments, so null stands in for the TestContext MSTest
    /// hands its initialisers (it requires the parameter). Proven by walking its IL, opcode by opcode: none is one
    /// of the argument opcodes (ldarg, ldarga, starg in all their forms).
    /// </summary>
    private static bool IgnoresItsArguments(MethodInfo method)
    {
        if (!method.IsStatic || method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            return false;
        }

        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!OpCodesByValue.Value.TryGetValue(value, out var opCode))
            {
                return false; // not IL this walk understands: assume it reads them
            }

            if (opCode.Name!.StartsWith("ldarg", StringComparison.Ordinal) || opCode.Name.StartsWith("starg", StringComparison.Ordinal))
            {
                return false;
            }

            i += opCode.Size + OperandSize(opCode, il, i + opCode.Size);
        }

        return true;
    }

    private static readonly Lazy<Dictionary<short, System.Reflection.Emit.OpCode>> OpCodesByValue = new(() =>
        typeof(System.Reflection.Emit.OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (System.Reflection.Emit.OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value));

    private static int OperandSize(System.Reflection.Emit.OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        System.Reflection.Emit.OperandType.InlineNone => 0,
        System.Reflection.Emit.OperandType.ShortInlineBrTarget or System.Reflection.Emit.OperandType.ShortInlineI or System.Reflection.Emit.OperandType.ShortInlineVar => 1,
        System.Reflection.Emit.OperandType.InlineVar => 2,
        System.Reflection.Emit.OperandType.InlineI8 or System.Reflection.Emit.OperandType.InlineR => 8,
        System.Reflection.Emit.OperandType.InlineSwitch => at + 4 <= il.Length ? 4 + (4 * BitConverter.ToInt32(il, at)) : il.Length,
        _ => 4,
    };

    /// <summary>Runs the methods a plain call can run, in order; the first failure, or null.</summary>
    public static async Task<(string Message, string Trace)?> RunAsync(IEnumerable<MethodInfo> methods)
    {
        foreach (var method in methods.Where(m => Unsupported(m) is null))
        {
            try
            {
                await AwaitAsync(method.Invoke(null, new object?[method.GetParameters().Length]));
            }
            catch (Exception e)
            {
                return Describe(e);
            }
        }

        return null;
    }

    public static Type? Interface(Type type, string name) => type.GetInterfaces().FirstOrDefault(i => i.Name == name);

    public static async Task AwaitAsync(object? result) => await AwaitResultAsync(result);

    /// <summary>Awaits a Task, a ValueTask or a ValueTask of T, and gives its result (null for none); anything else is returned as it is.</summary>
    public static async Task<object?> AwaitResultAsync(object? result)
    {
        switch (result)
        {
            case Task task:
                await task;
                return task.GetType().GetProperty("Result") is { } value ? value.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                return await AwaitResultAsync(result.GetType().GetMethod("AsTask")!.Invoke(result, null));
            default:
                return result;
        }
    }

    /// <summary>Disposes a test class or fixture as the frameworks do (DisposeAsync first, else Dispose); the failure, or null.</summary>
    public static async Task<(string Message, string Trace)?> DisposeAsync(object? instance)
    {
        try
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (instance is not null && Interface(instance.GetType(), "IAsyncLifetime")?.GetMethod("DisposeAsync") is { } dispose)
            {
                await AwaitAsync(dispose.Invoke(instance, null));
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }

            return null;
        }
        catch (Exception e)
        {
            return Describe(e);
        }
    }

    /// <summary>An exception as a test failure: the innermost thrown by the test (not the reflection wrapper), type, message and trace.</summary>
    public static (string Message, string Trace) Describe(Exception e)
    {
        while (e is TargetInvocationException { InnerException: not null } || e is AggregateException { InnerExceptions.Count: 1 })
        {
            e = e is AggregateException aggregate ? aggregate.InnerExceptions[0] : e.InnerException!;
        }

        return ($"{e.GetType().Name}: {e.Message}", e.StackTrace ?? "");
    }
}

/// <summary>
/// A test class's class fixtures (xUnit's IClassFixture of T): each made once for the class, initialised when it
/// is an IAsyncLifetime, handed to the constructor that takes them, disposed after the class's last test.
/// </summary>
internal sealed class Fixtures
{
    private readonly List<object> _made = [];

    public Fixtures(Type type)
    {
        var types = type.GetInterfaces().Where(i => i.IsGenericType && i.Name.StartsWith("IClassFixture", StringComparison.Ordinal)).Select(i => i.GetGenericArguments()[0]).ToList();
        var constructors = type.GetConstructors();
        Constructor = constructors.Length == 1 && constructors[0].GetParameters().All(p => types.Contains(p.ParameterType)) ? constructors[0]
            : constructors.FirstOrDefault(c => c.GetParameters().Length == 0);
        var made = new Dictionary<Type, object?>();
        foreach (var fixture in types)
        {
            try
            {
                var instance = Activator.CreateInstance(fixture)!;
                _made.Add(instance);
                if (Lifecycle.Interface(fixture, "IAsyncLifetime") is { } lifetime)
                {
                    Lifecycle.AwaitAsync(lifetime.GetMethod("InitializeAsync")!.Invoke(instance, null)).GetAwaiter().GetResult();
                }

                made[fixture] = instance;
            }
            catch (Exception e)
            {
                Error ??= Lifecycle.Describe(e);
            }
        }

        Arguments = [.. (Constructor?.GetParameters() ?? []).Select(p => made.GetValueOrDefault(p.ParameterType))];
    }

    /// <summary>The constructor the framework would call, or null when the class needs what this host cannot give (collection fixtures, an output helper).</summary>
    public ConstructorInfo? Constructor { get; }

    public object?[] Arguments { get; }

    /// <summary>A fixture that could not be made: every test of the class fails with it, as in the framework.</summary>
    public (string Message, string Trace)? Error { get; }

    public async Task DisposeAsync()
    {
        foreach (var made in _made)
        {
            await Lifecycle.DisposeAsync(made);
        }
    }
}
