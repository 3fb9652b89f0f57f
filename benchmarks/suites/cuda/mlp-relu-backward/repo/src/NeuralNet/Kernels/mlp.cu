// A two-layer perceptron for regression: hidden = relu(x W1 + b1), out = hidden . w2 + b2.
// x is n x d, W1 is d x h, hidden is n x h (all row-major); w2 has h entries, b2 one.

// One thread per hidden unit of each sample.
extern "C" __global__ void hidden_forward(const float* x, const float* w1, const float* b1, float* hidden, int n, int d, int h)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= n * h) return;

    int i = idx / h;
    int k = idx % h;
    float acc = b1[k];
    for (int j = 0; j < d; ++j)
    {
        acc += x[i * d + j] * w1[j * h + k];
    }
    hidden[idx] = fmaxf(acc, 0.0f);
}

// One thread per sample.
extern "C" __global__ void output_forward(const float* hidden, const float* w2, const float* b2, float* out, int n, int h)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float acc = b2[0];
    for (int k = 0; k < h; ++k)
    {
        acc += hidden[i * h + k] * w2[k];
    }
    out[i] = acc;
}

// Mean squared error, added to loss[0] (zeroed by the caller).
extern "C" __global__ void mse_loss(const float* out, const float* y, float* loss, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float diff = out[i] - y[i];
    atomicAdd(loss, diff * diff / n);
}

// Output layer backward, one thread per sample: adds to the gradients of w2 and b2 (zeroed by the
// caller) and writes the gradient with respect to the hidden activations.
extern "C" __global__ void output_backward(const float* out, const float* y, const float* hidden, const float* w2,
                                           float* grad_w2, float* grad_b2, float* grad_hidden, int n, int h)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float g = 2.0f * (out[i] - y[i]) / n;
    atomicAdd(grad_b2, g);
    for (int k = 0; k < h; ++k)
    {
        atomicAdd(&grad_w2[k], g * hidden[i * h + k]);
        grad_hidden[i * h + k] = g * w2[k];
    }
}

// Backward through the ReLU: the gradient with respect to the pre-activations.
extern "C" __global__ void relu_backward(const float* hidden, const float* grad_hidden, float* grad_pre, int count)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= count) return;

    grad_pre[idx] = grad_hidden[idx] * hidden[idx];
}

// Gradients of W1 and b1, one thread per weight: thread j * h + k sums over the samples for
// W1[j][k]; the last h threads (j == d) compute b1.
extern "C" __global__ void hidden_weight_gradient(const float* x, const float* grad_pre, float* grad_w1, float* grad_b1,
                                                  int n, int d, int h)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= (d + 1) * h) return;

    int j = idx / h;
    int k = idx % h;
    float acc = 0.0f;
    for (int i = 0; i < n; ++i)
    {
        float input = j < d ? x[i * d + j] : 1.0f;
        acc += input * grad_pre[i * h + k];
    }

    if (j < d)
        grad_w1[j * h + k] = acc;
    else
        grad_b1[k] = acc;
}

// params -= learning_rate * grad, one thread per parameter.
extern "C" __global__ void sgd_step(float* params, const float* grad, float learning_rate, int count)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= count) return;

    params[j] -= learning_rate * grad[j];
}
