using System.Formats.Tar;
using System.Text;
using Dgm.Sandbox;

namespace Dgm.Tests.Sandbox;

[TestClass]
public sealed class SafeTarTests
{
    [TestMethod]
    public async Task Extract_keeps_dotfiles_of_a_tar_made_with_dot_prefixes_and_skips_escapes()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var name in new[] { "./.editorconfig", "./sub/.hidden", "./plain.cs", "../escape.txt", "./sub/../../escape2.txt" })
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(name)) };
                await writer.WriteEntryAsync(entry);
            }
        }

        tar.Position = 0;
        var parent = Directory.CreateTempSubdirectory("dgm-tar-").FullName;
        var destination = Path.Combine(parent, "out");
        try
        {
            var files = await SafeTar.ExtractAsync(tar, destination, CancellationToken.None);

            Assert.AreEqual(3, files);
            Assert.AreEqual("./.editorconfig", File.ReadAllText(Path.Combine(destination, ".editorconfig")));
            Assert.AreEqual("./sub/.hidden", File.ReadAllText(Path.Combine(destination, "sub", ".hidden")));
            Assert.IsTrue(File.Exists(Path.Combine(destination, "plain.cs")));
            Assert.IsFalse(File.Exists(Path.Combine(parent, "escape.txt")));
            Assert.IsFalse(File.Exists(Path.Combine(parent, "escape2.txt")));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
