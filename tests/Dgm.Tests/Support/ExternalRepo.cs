namespace Dgm.Tests.Support;

/// <summary>Repositories the tests write as a user's own would look: plain MSTest projects without the harness's TRX extension.</summary>
internal static class ExternalRepo
{
    /// <summary>An MSTest test project (Microsoft.Testing.Platform runner) referencing <paramref name="library"/>, without the TRX extension.</summary>
    public static string MSTestProject(string library) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <OutputType>Exe</OutputType>
            <EnableMSTestRunner>true</EnableMSTestRunner>
            <IsTestProject>true</IsTestProject>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="MSTest.TestFramework" Version="4.5.2" />
            <PackageReference Include="MSTest.TestAdapter" Version="4.5.2" />
          </ItemGroup>
          <ItemGroup>
            <Using Include="Microsoft.VisualStudio.TestTools.UnitTesting" />
            <ProjectReference Include="{library}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>A library project of the SDK's defaults.</summary>
    public const string LibraryProject = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>\n";

    public static void Put(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
