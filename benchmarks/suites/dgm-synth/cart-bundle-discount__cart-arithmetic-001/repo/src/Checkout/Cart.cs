namespace Checkout;

public sealed record Product(string Sku, decimal Price);

/// <summary>A set of SKUs that earns a percentage off the whole cart when all are bought together.</summary>
public sealed record Bundle(string Name, IReadOnlyList<string> Skus, decimal PercentOff);

/// <summary>A shopping cart with bundle discounts; at most one bundle (the best) applies.</summary>
public sealed class Cart(IEnumerable<Bundle> bundles)
{
    private readonly List<(Product Product, int Quantity)> _lines = [];
    private readonly List<Bundle> _bundles = [.. bundles];

    public void Add(Product product, int quantity = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        _lines.Add((product, quantity));
    }

    public decimal Subtotal => _lines.Sum(l => l.Product.Price * l.Quantity);

    public Bundle? BestBundle() =>
        _bundles
            .Where(b => b.Skus.All(sku => _lines.Any(l => l.Product.Sku == sku)))
            .OrderByDescending(b => b.PercentOff)
            .FirstOrDefault();

    public decimal Total()
    {
        var bundle = BestBundle();
        var discount = bundle is null ? 0 : Math.Round(Subtotal * bundle.PercentOff * 100, 2);
        return Subtotal - discount;
    }
}
