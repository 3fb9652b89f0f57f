namespace Accounts;

public sealed record Transaction(decimal Amount, decimal BalanceAfter, string Description);

/// <summary>
/// A current account. Withdrawals may take the balance down to <c>-OverdraftLimit</c>.
/// A frozen account accepts deposits but refuses withdrawals and outgoing transfers.
/// </summary>
public sealed class BankAccount
{
    private readonly List<Transaction> _history = new();

    public BankAccount(string number, decimal overdraftLimit = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentOutOfRangeException.ThrowIfNegative(overdraftLimit);
        Number = number;
        OverdraftLimit = overdraftLimit;
    }

    public string Number { get; }

    public decimal Balance { get; private set; }

    public decimal OverdraftLimit { get; }

    public bool HasOverdraft => OverdraftLimit > 0m;

    public bool IsFrozen { get; private set; }

    public IReadOnlyList<Transaction> History => _history;

    /// <summary>The most that can be withdrawn right now, ignoring the frozen state.</summary>
    public decimal Available => Balance + OverdraftLimit;

    public void Freeze() => IsFrozen = true;

    public void Unfreeze() => IsFrozen = false;

    public void Deposit(decimal amount, string description = "Deposit")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Balance += amount;
        _history.Add(new Transaction(amount, Balance, description));
    }

    public bool CanWithdraw(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return !IsFrozen && (Balance - amount >= 0m || HasOverdraft && Balance - amount >= -OverdraftLimit);
    }

    public void Withdraw(decimal amount, string description = "Withdrawal")
    {
        if (!CanWithdraw(amount))
        {
            throw new InvalidOperationException(IsFrozen
                ? $"Account {Number} is frozen."
                : $"Withdrawing {amount} would exceed the overdraft limit of account {Number}.");
        }

        Balance -= amount;
        _history.Add(new Transaction(-amount, Balance, description));
    }

    public void TransferTo(BankAccount target, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(target, this))
        {
            throw new ArgumentException("Cannot transfer to the same account.", nameof(target));
        }
        target.Deposit(amount, $"Transfer from {Number}");
    }
}
