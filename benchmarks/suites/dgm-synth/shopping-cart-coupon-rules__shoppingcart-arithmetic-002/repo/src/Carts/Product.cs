namespace Carts;

public sealed record Product(string Sku, string Name, string Category, decimal Price);
