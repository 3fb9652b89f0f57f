using Dgm.Sandbox;
using Dgm.Sandbox.Local;
using Dgm.Tests.Support;

namespace Dgm.Tests.Sandbox;

/// <summary>Several items copied in as one copy, in both backends: order, files, folders and stamped times.</summary>
[TestClass]
public sealed class CopyInTests
{
    [TestMethod]
    public async Task Docker_copies_several_items_in_one_copy_later_ones_over_earlier_ones_and_dates_a_stamped_one_as_copied()
    {
        var factory = await DockerFixture.FactoryAsync();
        await using var sandbox = await factory.StartAsync(DockerFixture.Spec(), CancellationToken.None);
        await CopiesSeveralItemsAsync(sandbox);
    }

    [TestMethod]
    public async Task Local_copies_several_items_in_one_copy_later_ones_over_earlier_ones_and_dates_a_stamped_one_as_copied()
    {
        await using var sandbox = await new LocalSandboxFactory(useBubblewrap: false).StartAsync(new SandboxSpec { RunId = "t" }, CancellationToken.None);
        await CopiesSeveralItemsAsync(sandbox);
    }

    private static async Task CopiesSeveralItemsAsync(ISandbox sandbox)
    {
        var sources = Directory.CreateTempSubdirectory("dgm-copyin-").FullName;
        try
        {
            // The sources, dated long ago; a "build" of them, dated before them (a cache older than a fresh clone).
            var repo = Write(sources, "repo", ("src/a.cs", "a"), ("src/b.cs", "b"), (".editorconfig", "root = true"));
            var build = Write(sources, "build", ("src/bin/a.dll", "built"), ("src/b.cs", "b, as built over"));
            var problem = Path.Combine(sources, "problem.md");
            File.WriteAllText(problem, "the bug");
            var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var file in Directory.EnumerateFiles(repo, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                File.SetLastWriteTimeUtc(file, old);
            }

            File.SetLastWriteTimeUtc(Path.Combine(build, "src", "bin", "a.dll"), old.AddDays(-1));
            var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

            var work = sandbox.WorkDir;
            await sandbox.CopyInAsync(
                [new CopyIn(repo, $"{work}/repo"), new CopyIn(build, $"{work}/repo", Stamped: true), new CopyIn(problem, $"{work}/task/problem.md")],
                CancellationToken.None);

            var result = await sandbox.RunAsync(
                new CommandRequest($"cd {work} && cat repo/src/a.cs repo/src/b.cs repo/src/bin/a.dll task/problem.md repo/.editorconfig && echo && stat -c '%Y %n' repo/src/a.cs repo/src/bin/a.dll", TimeSpan.FromSeconds(30)),
                CancellationToken.None);

            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual("ab, as built overbuiltthe bugroot = true", lines[0], "every item lands, a later one over an earlier one: " + result.Stderr);
            var times = lines[1..].Select(l => long.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.AreEqual(new DateTimeOffset(old).ToUnixTimeSeconds(), times[0], "an item not stamped keeps its files' times");
            Assert.IsGreaterThanOrEqualTo(before, times[1], "a stamped item is dated as copied, newer than the sources");
        }
        finally
        {
            Directory.Delete(sources, recursive: true);
        }
    }

    private static string Write(string root, string name, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(root, name);
        foreach (var (path, text) in files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        return folder;
    }
}
