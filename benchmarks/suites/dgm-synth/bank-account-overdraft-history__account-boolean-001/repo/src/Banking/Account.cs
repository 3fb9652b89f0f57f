namespace Banking;

/// <summary>One booked movement of money; negative for withdrawals.</summary>
public sealed record Transaction(decimal Amount, string Description);

/// <summary>A bank account with an overdraft limit.</summary>
public sealed class Account(decimal overdraftLimit = 0)
{
    private readonly List<Transaction> _history = [];

    public decimal Balance { get; private set; }

    public IReadOnlyList<Transaction> History => _history;

    public void Deposit(decimal amount, string description = "deposit")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Balance += amount;
        _history.Add(new Transaction(amount, description));
    }

    public bool TryWithdraw(decimal amount, string description = "withdrawal")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Balance - amount < -overdraftLimit)
        {
            return true;
        }

        Balance -= amount;
        _history.Add(new Transaction(-amount, description));
        return true;
    }
}
