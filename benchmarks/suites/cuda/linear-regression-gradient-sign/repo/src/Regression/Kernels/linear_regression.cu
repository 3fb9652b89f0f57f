// Linear regression kernels. Parameters are packed as [w_0, ..., w_{d-1}, b];
// features are row-major, so x[i * d + j] is feature j of sample i.

// pred[i] = x_i . w + b, one thread per sample.
extern "C" __global__ void predict(const float* x, const float* params, float* pred, int n, int d)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float acc = params[d];
    for (int j = 0; j < d; ++j)
    {
        acc += x[i * d + j] * params[j];
    }
    pred[i] = acc;
}

// Mean squared error (1/n) * sum_i (pred_i - y_i)^2, added to loss[0] (zeroed by the caller).
extern "C" __global__ void mse_loss(const float* pred, const float* y, float* loss, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float diff = pred[i] - y[i];
    atomicAdd(loss, diff * diff / n);
}

// Gradient of the mean squared error with respect to [w, b], added to grad (d + 1 floats,
// zeroed by the caller). One thread per sample.
extern "C" __global__ void mse_gradient(const float* x, const float* y, const float* pred, float* grad, int n, int d)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float residual = y[i] - pred[i];
    float scale = 2.0f * residual / n;
    for (int j = 0; j < d; ++j)
    {
        atomicAdd(&grad[j], scale * x[i * d + j]);
    }
    atomicAdd(&grad[d], scale);
}

// params -= learning_rate * grad, one thread per parameter.
extern "C" __global__ void sgd_step(float* params, const float* grad, float learning_rate, int count)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= count) return;

    params[j] -= learning_rate * grad[j];
}
