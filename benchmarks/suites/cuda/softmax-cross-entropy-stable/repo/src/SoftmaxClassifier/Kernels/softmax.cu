// Multinomial logistic regression: logits = x W + b, softmax, cross-entropy.
// x is n x d, W is d x k, logits and probabilities are n x k (all row-major); labels are class indices.

// One thread per (sample, class).
extern "C" __global__ void linear_logits(const float* x, const float* w, const float* b, float* logits, int n, int d, int k)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= n * k) return;

    int i = idx / k;
    int c = idx % k;
    float acc = b[c];
    for (int j = 0; j < d; ++j)
    {
        acc += x[i * d + j] * w[j * k + c];
    }
    logits[idx] = acc;
}

// One thread per sample: writes the softmax probabilities of its row and the gradient of the mean
// cross-entropy with respect to its logits, (p - onehot(label)) / n, and adds the sample's share of
// the mean cross-entropy to loss[0] (zeroed by the caller).
extern "C" __global__ void softmax_cross_entropy(const float* logits, const int* labels, float* probs, float* grad_logits,
                                                 float* loss, int n, int k)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    const float* row = logits + i * k;
    float sum = 0.0f;
    for (int c = 0; c < k; ++c)
    {
        sum += expf(row[c]);
    }

    int label = labels[i];
    for (int c = 0; c < k; ++c)
    {
        float p = expf(row[c]) / sum;
        probs[i * k + c] = p;
        grad_logits[i * k + c] = (p - (c == label ? 1.0f : 0.0f)) / n;
    }

    // -log softmax(row)[label] = log(sum) - row[label]
    atomicAdd(loss, (logf(sum) - row[label]) / n);
}

// Gradients of W and b, one thread per weight: thread j * k + c sums over the samples for W[j][c];
// the last k threads (j == d) compute b.
extern "C" __global__ void weight_gradient(const float* x, const float* grad_logits, float* grad_w, float* grad_b, int n, int d, int k)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= (d + 1) * k) return;

    int j = idx / k;
    int c = idx % k;
    float acc = 0.0f;
    for (int i = 0; i < n; ++i)
    {
        float input = j < d ? x[i * d + j] : 1.0f;
        acc += input * grad_logits[i * k + c];
    }

    if (j < d)
        grad_w[j * k + c] = acc;
    else
        grad_b[c] = acc;
}

// params -= learning_rate * grad, one thread per parameter.
extern "C" __global__ void sgd_step(float* params, const float* grad, float learning_rate, int count)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= count) return;

    params[j] -= learning_rate * grad[j];
}
