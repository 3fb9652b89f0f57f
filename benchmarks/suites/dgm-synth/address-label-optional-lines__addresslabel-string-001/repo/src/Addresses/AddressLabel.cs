namespace Addresses;

/// <summary>Formats addresses for envelopes and for one-line display.</summary>
public static class AddressLabel
{
    public static string Format(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var lines = new List<string> { address.Name, address.Line1 };
        if (!string.IsNullOrWhiteSpace(address.Line2))
        {
            lines.Add(address.Line2.Trim());
        }

        var cityLine = address.Region is null ? $"{address.PostalCode} {address.City}" : $"{address.PostalCode} {address.City} {address.Region}";
        lines.Add(cityLine);
        lines.Add(address.Country.ToUpperInvariant());
        return string.Join("\n", lines);
    }

    public static string OneLine(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var parts = new[] { address.Line1, address.Line2, address.City, address.Region, address.Country };
        return string.Join("", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
