// c = a * b for row-major a (m x k), b (k x n) and c (m x n), staged through shared memory one
// TILE x TILE tile at a time. Launch with TILE x TILE blocks and a grid of
// ceil(n / TILE) x ceil(m / TILE) blocks; each thread computes one element of c.
#define TILE 16

extern "C" __global__ void matmul_tiled(const float* a, const float* b, float* c, int m, int k, int n)
{
    __shared__ float a_tile[TILE][TILE];
    __shared__ float b_tile[TILE][TILE];

    int tx = threadIdx.x;
    int ty = threadIdx.y;
    int row = blockIdx.y * TILE + ty;
    int col = blockIdx.x * TILE + tx;

    float acc = 0.0f;
    int tiles = k / TILE;
    for (int t = 0; t < tiles; ++t)
    {
        int a_col = t * TILE + tx;
        int b_row = t * TILE + ty;
        a_tile[ty][tx] = (row < m && a_col < k) ? a[row * k + a_col] : 0.0f;
        b_tile[ty][tx] = (b_row < k && col < n) ? b[b_row * n + col] : 0.0f;
        __syncthreads();

        for (int e = 0; e < TILE; ++e)
        {
            acc += a_tile[ty][e] * b_tile[e][tx];
        }
        __syncthreads();
    }

    if (row < m && col < n)
    {
        c[row * n + col] = acc;
    }
}
