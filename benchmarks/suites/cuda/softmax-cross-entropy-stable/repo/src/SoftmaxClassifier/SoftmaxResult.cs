namespace SoftmaxClassifier;

/// <summary>
/// Softmax probabilities (row-major, like the logits), the gradient of the mean cross-entropy with
/// respect to the logits, and the mean cross-entropy itself.
/// </summary>
public sealed record SoftmaxResult(float[] Probabilities, float[] LogitGradients, float Loss);
