namespace Carts;

/// <summary>
/// A percentage discount. <see cref="Category"/> null means store-wide; otherwise the discount only applies to
/// items of that category. The coupon is valid up to and including <see cref="ValidUntil"/>, and only when the
/// cart subtotal (all items) is at least <see cref="MinimumSubtotal"/>.
/// </summary>
public sealed record Coupon(string Code, decimal Percent, decimal MinimumSubtotal, DateOnly ValidUntil, string? Category = null);
