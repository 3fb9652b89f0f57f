using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Dgm.Agent.Runtime;

/// <summary>
/// The rows of a data-driven test, read through its attributes' own data API (MSTest's ITestDataSource:
/// DataRow, DynamicData; xUnit's GetData: InlineData, MemberData, ClassData, v2 and v3), and a row's values
/// bound to the method's parameters the way the frameworks bind them (numeric and enum conversions, optional
/// parameters, a params array).
/// </summary>
internal static class TestRows
{
    /// <summary>One row's values, and whether its framework converts them to the parameter types (xUnit does, MSTest does not).</summary>
    public readonly record struct Row(object?[] Values, bool Converts);

    /// <summary>Every row (one empty row for a test without parameters or data), and why one could not be run as the framework would, if so.</summary>
    public static (IReadOnlyList<Row> Rows, string? Why) Of(MethodInfo method)
    {
        var sources = method.GetCustomAttributes(inherit: true).Select(a => (Attribute: a, GetData: DataMethod(a.GetType()))).Where(s => s.GetData is not null).ToList();
        if (sources.Count == 0)
        {
            return method.GetParameters().Length == 0 ? ([new Row([], false)], null) : ([], "takes arguments but declares no data");
        }

        var rows = new List<Row>();
        string? why = null;
        foreach (var (attribute, getData) in sources)
        {
            object? data;
            try
            {
                // xUnit's member data looks in the test's class unless told otherwise: its framework says so first.
                if (attribute.GetType().GetProperty("MemberType") is { CanWrite: true } memberType && memberType.GetValue(attribute) is null)
                {
                    memberType.SetValue(attribute, method.ReflectedType);
                }

                data = Await(getData!.Invoke(attribute, [.. getData.GetParameters().Select(p => p.ParameterType == typeof(MethodInfo) ? method : Create(p.ParameterType))]));
            }
            catch (Exception e)
            {
                return ([], $"its data could not be read: {Lifecycle.Describe(e).Message}");
            }

            foreach (var item in data as IEnumerable ?? Array.Empty<object>())
            {
                if (item?.GetType().GetProperty("Skip")?.GetValue(item) is string)
                {
                    why = "a data row is skipped";
                    continue;
                }

                rows.Add(new Row(item switch
                {
                    object?[] values => values,
                    ITuple tuple => [.. Enumerable.Range(0, tuple.Length).Select(i => tuple[i])],
                    not null when RowMethod(item.GetType()) is { } row => (object?[]?)row.Invoke(item, null) ?? [],
                    _ => [item],
                }, attribute.GetType().Namespace?.StartsWith("Xunit", StringComparison.Ordinal) == true));
            }
        }

        return (rows, why);
    }

    /// <summary>
    /// A row's values as the method's arguments; throws (the test fails) when they do not fit, as the framework's
    /// binding would. A row that is one tuple spreads over the parameters (MSTest's dynamic data of tuples); values
    /// are converted to the parameter types only for xUnit, which converts them (MSTest does not: a mismatch fails there).
    /// </summary>
    public static object?[] Bind(MethodInfo method, Row data)
    {
        var (row, converts) = data;
        var parameters = method.GetParameters();
        if (row is [ITuple tuple] && tuple.Length == parameters.Length && !(parameters.Length == 1 && parameters[0].ParameterType.IsInstanceOfType(tuple)))
        {
            row = [.. Enumerable.Range(0, tuple.Length).Select(i => tuple[i])];
        }

        object? Convert(object? value, Type type) => converts ? TestRows.Convert(value, type) : value;
        var values = row.ToList();
        if (parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute)) && row.Length >= parameters.Length - 1
            && !(row.Length == parameters.Length && (row[^1] is null || parameters[^1].ParameterType.IsInstanceOfType(row[^1]))))
        {
            var element = parameters[^1].ParameterType.GetElementType()!;
            var rest = row.Skip(parameters.Length - 1).ToArray();
            var array = Array.CreateInstance(element, rest.Length);
            for (var i = 0; i < rest.Length; i++)
            {
                array.SetValue(Convert(rest[i], element), i);
            }

            values = [.. row.Take(parameters.Length - 1), array];
        }

        while (values.Count < parameters.Length && parameters[values.Count].HasDefaultValue)
        {
            values.Add(parameters[values.Count].DefaultValue);
        }

        if (values.Count != parameters.Length)
        {
            throw new ArgumentException($"the data row has {row.Length} values for {parameters.Length} parameters");
        }

        return [.. values.Select((v, i) => Convert(v, parameters[i].ParameterType))];
    }

    private static object? Convert(object? value, Type type)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return target.IsEnum && value is string name ? Enum.Parse(target, name)
                : target.IsEnum && value.GetType().IsPrimitive ? Enum.ToObject(target, value)
                : value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) ? System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture)
                : value;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            return value; // the call fails, as the framework's would
        }
    }

    /// <summary>The attribute's data method: GetData(MethodInfo, ...) on it or on an interface it implements (explicit implementations included).</summary>
    private static MethodInfo? DataMethod(Type attribute) =>
        attribute.GetInterfaces().SelectMany(i => i.GetMethods()).Concat(attribute.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .FirstOrDefault(m => m.Name == "GetData" && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(MethodInfo));

    /// <summary>xUnit v3's ITheoryDataRow.GetData(): a row object's values.</summary>
    private static MethodInfo? RowMethod(Type row) =>
        row.GetInterfaces().SelectMany(i => i.GetMethods()).Concat(row.GetMethods()).FirstOrDefault(m => m.Name == "GetData" && m.GetParameters().Length == 0 && m.ReturnType == typeof(object[]));

    private static object? Create(Type type) => type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;

    /// <summary>A result, awaited when it is a task or a value task.</summary>
    private static object? Await(object? result) => Lifecycle.AwaitResultAsync(result).GetAwaiter().GetResult();
}
