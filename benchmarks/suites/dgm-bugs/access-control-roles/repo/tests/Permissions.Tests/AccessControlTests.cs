namespace Permissions.Tests;

[TestClass]
public sealed class AccessControlTests
{
    private static readonly Document Draft = new("ann", Published: false, Public: false);

    [TestMethod]
    public void EditorCanEditADraft() => Assert.IsTrue(AccessControl.CanEdit(new User("bob", Roles.Editor), Draft));

    [TestMethod]
    public void AnyoneCanReadPublicDocuments() => Assert.IsTrue(AccessControl.CanRead(new User("x", Roles.None, Suspended: true), Draft with { Public = true }));

    [TestMethod]
    public void SuspendedEditorCannotEdit() => Assert.IsFalse(AccessControl.CanEdit(new User("bob", Roles.Editor, Suspended: true), Draft));
}
