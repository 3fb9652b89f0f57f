namespace Addresses;

/// <summary>A postal address; Line2 and Region are optional.</summary>
public sealed record PostalAddress(string Name, string Line1, string? Line2, string City, string? Region, string PostalCode, string Country);
