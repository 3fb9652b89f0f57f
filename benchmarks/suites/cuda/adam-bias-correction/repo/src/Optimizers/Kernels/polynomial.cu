// Least-squares fit of a polynomial c_0 + c_1 x + ... + c_p x^p to samples (x_i, y_i).

// One thread per sample: adds the sample's share of the mean squared error to loss[0] and of its
// gradient with respect to the coefficients to grad (p + 1 floats). Both are zeroed by the caller.
extern "C" __global__ void polynomial_loss_gradient(const float* x, const float* y, const float* coeffs,
                                                    float* loss, float* grad, int n, int degree)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;

    float xi = x[i];
    float prediction = 0.0f;
    for (int p = degree; p >= 0; --p)
    {
        prediction = prediction * xi + coeffs[p];
    }

    float residual = prediction - y[i];
    atomicAdd(loss, residual * residual / n);

    float scale = 2.0f * residual / n;
    float power = 1.0f;
    for (int p = 0; p <= degree; ++p)
    {
        atomicAdd(&grad[p], scale * power);
        power *= xi;
    }
}
