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
            var files = (await SafeTar.ExtractAsync(tar, destination, new CopyLimits(), CancellationToken.None)).Files;

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

    [TestMethod]
    public async Task Extract_cuts_a_file_over_the_limit_refuses_past_the_total_and_notes_a_cut_archive()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, size) in new[] { ("a.txt", 10), ("big.bin", 5000), ("b.txt", 10), ("c.txt", 10) })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(new byte[size]) });
            }
        }

        var parent = Directory.CreateTempSubdirectory("dgm-tar-").FullName;
        try
        {
            tar.Position = 0;
            var report = await SafeTar.ExtractAsync(tar, Path.Combine(parent, "out"), new CopyLimits { MaxFileBytes = 1000, MaxTotalBytes = 1015 }, CancellationToken.None);
            using var cut = new MemoryStream(tar.ToArray()[..2000]);
            var early = await SafeTar.ExtractAsync(cut, Path.Combine(parent, "cut"), new CopyLimits(), CancellationToken.None);

            Assert.AreEqual(1000, new FileInfo(Path.Combine(parent, "out", "big.bin")).Length);
            Assert.AreEqual(5, new FileInfo(Path.Combine(parent, "out", "b.txt")).Length, "the total left room for 5 bytes");
            Assert.IsFalse(File.Exists(Path.Combine(parent, "out", "c.txt")));
            Assert.AreEqual(1015, report.Bytes);
            Assert.HasCount(3, report.Notes);
            StringAssert.Contains(report.Notes[0], "big.bin: cut at 1000 of 5000 bytes");
            StringAssert.Contains(report.Notes[2], "c.txt: refused");
            Assert.IsFalse(early.Complete);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [TestMethod]
    public void Copy_limits_come_from_the_environment_and_a_bad_value_names_the_variable()
    {
        string? Three(string name) => name == "DGM_COPY_FILE_MB" ? "3" : null;
        string? Bad(string name) => name == "DGM_COPY_FILE_MB" ? "lots" : null;

        Assert.AreEqual(3L << 20, CopyLimits.FromEnvironment(Three).MaxFileBytes);
        Assert.AreEqual(new CopyLimits().MaxTotalBytes, CopyLimits.FromEnvironment(Three).MaxTotalBytes);
        StringAssert.Contains(Assert.ThrowsExactly<SandboxException>(() => CopyLimits.FromEnvironment(Bad)).Message, "DGM_COPY_FILE_MB=lots is not a positive whole number");
    }
}
