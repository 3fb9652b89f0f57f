// Logistic regression kernels. The data set lives in one packed buffer: the n * d features
// (row-major, feature j of sample i at data[i * d + j]) followed by the n labels (0 or 1).
// Parameters are packed as [w_0, ..., w_{d-1}, b].

__device__ float sigmoid(float z)
{
    return 1.0f / (1.0f + expf(-z));
}

// prob[i] = sigmoid(x_i . w + b), one thread per sample.
extern "C" __global__ void predict_proba(const float* data, const float* params, float* prob, int n, int d)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    const float* x = data + i * d;
    float z = params[d];
    for (int j = 0; j < d; ++j)
    {
        z += x[j] * params[j];
    }
    prob[i] = sigmoid(z);
}

// Mean binary cross-entropy of the probabilities, added to loss[0] (zeroed by the caller).
extern "C" __global__ void log_loss(const float* data, const float* prob, float* loss, int n, int d)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float label = data[n * d + i];
    float p = fminf(fmaxf(prob[i], 1e-7f), 1.0f - 1e-7f);
    atomicAdd(loss, -(label * logf(p) + (1.0f - label) * logf(1.0f - p)) / n);
}

// Gradient of the mean cross-entropy with respect to [w, b], added to grad (d + 1 floats,
// zeroed by the caller). One thread per sample.
extern "C" __global__ void log_loss_gradient(const float* data, const float* params, float* grad, int n, int d)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;

    const float* x = data + i * d;
    float label = data[n * d + i];
    float z = params[d];
    for (int j = 0; j < d; ++j)
    {
        z += x[j] * params[j];
    }

    float error = (sigmoid(z) - label) / n;
    for (int j = 0; j < d; ++j)
    {
        atomicAdd(&grad[j], error * x[j]);
    }
    atomicAdd(&grad[d], error);
}

// params -= learning_rate * grad, one thread per parameter.
extern "C" __global__ void gradient_step(float* params, const float* grad, float learning_rate, int count)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= count) return;

    params[j] -= learning_rate * grad[j];
}
