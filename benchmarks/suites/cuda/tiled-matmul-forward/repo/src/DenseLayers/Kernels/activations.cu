// y[r][c] = act(y[r][c] + bias[c]) for a row-major rows x cols matrix, one thread per element.
// act is the identity when relu is 0 and max(0, .) otherwise.
extern "C" __global__ void bias_activation(float* y, const float* bias, int rows, int cols, int relu)
{
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= rows * cols) return;

    float value = y[idx] + bias[idx % cols];
    y[idx] = relu != 0 && value < 0.0f ? 0.0f : value;
}
