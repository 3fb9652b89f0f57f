namespace Units;

/// <summary>A temperature, stored in kelvin.</summary>
public readonly record struct Temperature
{
    private const double KelvinOffset = 273.15;
    private const double FahrenheitOffset = 32;

    private Temperature(double kelvin)
    {
        if (kelvin < 0 || double.IsNaN(kelvin))
        {
            throw new ArgumentOutOfRangeException(nameof(kelvin), kelvin, "Below absolute zero.");
        }

        Kelvin = kelvin;
    }

    public double Kelvin { get; }

    public double Celsius => Kelvin - KelvinOffset;

    public double Fahrenheit => (Celsius * 9 / 5) + FahrenheitOffset;

    public static Temperature FromKelvin(double kelvin) => new(kelvin);

    public static Temperature FromCelsius(double celsius) => new(celsius + KelvinOffset);

    public static Temperature FromFahrenheit(double fahrenheit) => FromCelsius((fahrenheit + FahrenheitOffset) * 5 / 9);
}
