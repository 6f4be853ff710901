using Xunit;

namespace ModelCert.Evidence.Tests;

public sealed class WorkspaceTests
{
    private static readonly string Current = Path.Combine(Path.GetTempPath(), "project");

    [Fact]
    public void Should_prefer_the_explicit_folder_then_modelcert_home_then_dot_modelcert()
    {
        Assert.Equal(Path.Combine(Current, "ws"), Workspace.Resolve("ws", Path.Combine(Current, "home"), Current).Root);
        Assert.Equal(Path.Combine(Current, "home"), Workspace.Resolve(null, Path.Combine(Current, "home"), Current).Root);
        Assert.Equal(Path.Combine(Current, ".modelcert"), Workspace.Resolve(null, null, Current).Root);
        Assert.Equal(Path.Combine(Current, ".modelcert"), Workspace.Resolve(" ", "", Current).Root);
    }

    [Fact]
    public void Should_place_keys_and_log_inside_the_workspace()
    {
        var workspace = new Workspace(Current);
        Assert.Equal(Path.Combine(Current, "keys", "private.pem"), workspace.PrivateKeyPath);
        Assert.Equal(Path.Combine(Current, "keys", "public.pem"), workspace.PublicKeyPath);
        Assert.Equal(Path.Combine(Current, "log"), workspace.LogFolder);
    }
}
