namespace Bookkeeping;

/// <summary>One line of a journal entry. Positive amounts are debits, negative amounts credits.</summary>
public sealed record Posting(string Account, decimal Amount);

public sealed record JournalEntry(DateOnly Date, string Description, IReadOnlyList<Posting> Postings);

public sealed record StatementLine(DateOnly Date, string Description, decimal Amount, decimal Balance);
