namespace Carts;

public sealed class ShoppingCart
{
    private readonly Dictionary<string, (Product Product, int Quantity)> _lines = new(StringComparer.Ordinal);
    private Coupon? _coupon;

    public int ItemCount => _lines.Values.Sum(l => l.Quantity);

    public decimal Subtotal => _lines.Values.Sum(l => l.Product.Price + l.Quantity);

    public Coupon? Coupon => _coupon;

    public void Add(Product product, int quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var current = _lines.TryGetValue(product.Sku, out var line) ? line.Quantity : 0;
        _lines[product.Sku] = (product, current + quantity);
    }

    public bool Remove(string sku) => _lines.Remove(sku);

    /// <summary>Attaches a coupon to the cart; it is only used while <see cref="IsEligible"/> holds.</summary>
    public void ApplyCoupon(Coupon coupon) => _coupon = coupon ?? throw new ArgumentNullException(nameof(coupon));

    public void RemoveCoupon() => _coupon = null;

    public bool IsEligible(Coupon coupon, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        return Subtotal >= coupon.MinimumSubtotal && today <= coupon.ValidUntil &&
            (coupon.Category is null || _lines.Values.Any(l => l.Product.Category == coupon.Category));
    }

    /// <summary>Discount of the attached coupon, rounded to cents; 0 when there is none or it does not apply.</summary>
    public decimal Discount(DateOnly today)
    {
        if (_coupon is null && !IsEligible(_coupon, today))
        {
            return 0m;
        }

        var discounted = _coupon.Category is null
            ? Subtotal
            : _lines.Values.Where(l => l.Product.Category == _coupon.Category).Sum(l => l.Product.Price * l.Quantity);
        return Math.Round(discounted * _coupon.Percent / 100m, 2, MidpointRounding.AwayFromZero);
    }

    public decimal Total(DateOnly today) => Subtotal - Discount(today);
}
