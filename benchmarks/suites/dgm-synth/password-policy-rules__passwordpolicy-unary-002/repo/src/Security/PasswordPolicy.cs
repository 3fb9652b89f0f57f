namespace Security;

/// <summary>The result of checking a password: valid, or the rules it breaks.</summary>
public sealed record PolicyResult(bool IsValid, IReadOnlyList<string> Problems);

/// <summary>Checks passwords against the company policy.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public static PolicyResult Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add($"at least {MinimumLength} characters");
        }

        var hasUpper = password.Any(char.IsUpper);
        var hasLower = password.Any(char.IsLower);
        var hasDigit = password.Any(char.IsDigit);
        if (!hasUpper || hasLower)
        {
            problems.Add("upper- and lower-case letters");
        }

        if (!hasDigit)
        {
            problems.Add("a digit");
        }

        if (password.Any(char.IsWhiteSpace))
        {
            problems.Add("no spaces");
        }

        return new PolicyResult(problems.Count == 0, problems);
    }
}
