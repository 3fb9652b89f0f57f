// Adam (Kingma & Ba, 2015), one thread per parameter. m and v are the running first and second
// moment estimates (zero before the first update); step is the number of updates this optimizer
// has already applied, so it is 0 on the first call.
extern "C" __global__ void adam_update(float* params, const float* grads, float* m, float* v, int count,
                                       float learning_rate, float beta1, float beta2, float epsilon, int step)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= count) return;

    float g = grads[i];
    float m_i = beta1 * m[i] + (1.0f - beta1) * g;
    float v_i = beta2 * v[i] + (1.0f - beta2) * g * g;
    m[i] = m_i;
    v[i] = v_i;

    // Bias correction: the moments start at zero, so early estimates are scaled up.
    float m_hat = m_i / (1.0f - powf(beta1, (float)step));
    float v_hat = v_i / (1.0f - powf(beta2, (float)step));
    params[i] -= learning_rate * m_hat / (sqrtf(v_hat) + epsilon);
}
