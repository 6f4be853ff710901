using System.Diagnostics;

using ModelCert.Core;
using ModelCert.Evidence.Pack;

using Xunit;

namespace ModelCert.Evidence.Tests.Pack;

public sealed class PackTargetTests
{
    public sealed class CheckFolder
    {
        [Fact]
        public void Should_allow_a_new_path_an_empty_folder_and_a_previous_pack()
        {
            // Given a fixture pack folder, an empty folder and a path that does not exist
            using var fixture = new PackFixture();
            Directory.CreateDirectory(fixture.Temp.File("empty"));

            // Then a new path needs no replacing, the others may be replaced
            Assert.False(PackTarget.CheckFolder(fixture.Temp.File("new")));
            Assert.True(PackTarget.CheckFolder(fixture.Temp.File("empty")));
            Assert.True(PackTarget.CheckFolder(fixture.PackFolder));
        }

        [Fact]
        public void Should_refuse_a_file_a_foreign_folder_and_a_pack_with_extra_files()
        {
            // Given a file, a folder of notes, and a pack with a file its manifest does not list
            using var fixture = new PackFixture();
            var file = fixture.Temp.Write("file.txt", "x");
            fixture.Temp.Write("notes/a.txt", "x");
            File.WriteAllText(Path.Combine(fixture.PackFolder, "mine.txt"), "keep");

            // Then each is refused with the reason
            Assert.Contains("is a file", Assert.Throws<InputException>(() => PackTarget.CheckFolder(file)).Message, StringComparison.Ordinal);
            Assert.Contains("is not an evidence pack", Assert.Throws<InputException>(() => PackTarget.CheckFolder(fixture.Temp.File("notes"))).Message, StringComparison.Ordinal);
            Assert.Contains("mine.txt", Assert.Throws<InputException>(() => PackTarget.CheckFolder(fixture.PackFolder)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_allow_only_a_packs_zip_to_be_replaced()
        {
            using var fixture = new PackFixture();
            PackWriter.WriteZip(fixture.Pack, fixture.Temp.File("pack.zip"));
            Assert.True(PackTarget.CheckZip(fixture.Temp.File("pack.zip")));
            Assert.False(PackTarget.CheckZip(fixture.Temp.File("new.zip")));
            Assert.Throws<InputException>(() => PackTarget.CheckZip(fixture.Temp.Write("other.zip", "not a zip")));
        }
    }

    public sealed class RemoveStaleTemporaries
    {
        [Fact]
        public void Should_remove_what_dead_writers_left_and_keep_what_live_ones_write()
        {
            // Given temporaries of a process that has ended and of this (running) process, and an unrelated hidden folder
            using var fixture = new PackFixture();
            using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            ended.WaitForExit();
            var dead = fixture.Temp.File($".out.{ended.Id}.{Guid.NewGuid():N}.tmp");
            var live = fixture.Temp.File($".out.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(Path.Combine(dead, "inner"));
            File.WriteAllText(live, "x");
            Directory.CreateDirectory(fixture.Temp.File(".out.keep"));

            // When stale temporaries of 'out' are removed
            var removed = PackTarget.RemoveStaleTemporaries(fixture.Temp.File("out"));

            // Then only the dead process's folder went
            Assert.Equal([dead], removed);
            Assert.False(Directory.Exists(dead));
            Assert.True(File.Exists(live));
            Assert.True(Directory.Exists(fixture.Temp.File(".out.keep")));
        }
    }
}
