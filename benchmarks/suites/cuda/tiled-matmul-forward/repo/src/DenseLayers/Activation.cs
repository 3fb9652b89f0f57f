namespace DenseLayers;

public enum Activation
{
    Identity,
    Relu,
}
