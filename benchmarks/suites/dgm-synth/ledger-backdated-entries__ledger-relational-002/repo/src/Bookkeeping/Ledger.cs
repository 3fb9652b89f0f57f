namespace Bookkeeping;

/// <summary>
/// A double-entry ledger. Every journal entry must balance (its postings sum to zero). Entries may be
/// posted in any order, including back-dated corrections; balances always follow the entry dates.
/// </summary>
public sealed class Ledger
{
    private readonly List<JournalEntry> _entries = [];

    public IReadOnlyList<JournalEntry> Entries => _entries;

    public IEnumerable<string> Accounts =>
        _entries.SelectMany(e => e.Postings).Select(p => p.Account).Distinct().Order(StringComparer.Ordinal);

    public JournalEntry Post(DateOnly date, string description, params Posting[] postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        if (postings.Length < 2)
        {
            throw new ArgumentException("A journal entry needs at least two postings.", nameof(postings));
        }

        decimal total = postings.Sum(p => p.Amount);
        if (total != 0m)
        {
            throw new InvalidOperationException($"Entry '{description}' does not balance: postings sum to {total}.");
        }

        var entry = new JournalEntry(date, description, postings.ToArray());
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Sum of all postings to <paramref name="account"/> dated on or before <paramref name="asOf"/>.</summary>
    public decimal BalanceOf(string account, DateOnly asOf) =>
        _entries
            .Where(e => e.Date <= asOf)
            .SelectMany(e => e.Postings)
            .Where(p => p.Account == account)
            .Sum(p => p.Amount);

    /// <summary>Balance of every account as of a date. The balances of a valid ledger sum to zero.</summary>
    public IReadOnlyDictionary<string, decimal> TrialBalance(DateOnly asOf) =>
        Accounts.ToDictionary(account => account, account => BalanceOf(account, asOf));

    /// <summary>The postings to an account between two dates (inclusive), in date order, with running balances.</summary>
    public IReadOnlyList<StatementLine> Statement(string account, DateOnly from, DateOnly to)
    {
        decimal balance = BalanceOf(account, from.AddDays(-1));
        var lines = new List<StatementLine>();
        foreach (var entry in _entries.Where(e => e.Date <= from && e.Date <= to).OrderBy(e => e.Date))
        {
            foreach (var posting in entry.Postings.Where(p => p.Account == account))
            {
                balance += posting.Amount;
                lines.Add(new StatementLine(entry.Date, entry.Description, posting.Amount, balance));
            }
        }

        return lines;
    }
}
