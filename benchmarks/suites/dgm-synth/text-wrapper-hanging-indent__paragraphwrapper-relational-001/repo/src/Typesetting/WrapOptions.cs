namespace Typesetting;

/// <summary>Options for <see cref="ParagraphWrapper"/>.</summary>
/// <param name="Width">Maximum length of a line, indent included.</param>
/// <param name="FirstIndent">Prefix of the first line of a paragraph.</param>
/// <param name="HangingIndent">Prefix of every later line of a paragraph.</param>
public sealed record WrapOptions(int Width, string FirstIndent = "", string HangingIndent = "");
