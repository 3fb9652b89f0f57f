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

    [TestMethod]
    public void ReaderCannotEditOthersDocuments() => Assert.IsFalse(AccessControl.CanEdit(new User("bob", Roles.Reader), Draft));

    [TestMethod]
    public void OwnerCanDeleteTheirDraft() => Assert.IsTrue(AccessControl.CanDelete(new User("ann", Roles.Reader), Draft));

    [TestMethod]
    public void OwnerCannotDeleteAPublishedDocument() => Assert.IsFalse(AccessControl.CanDelete(new User("ann", Roles.Editor), Draft with { Published = true }));

    [TestMethod]
    public void AdminCanDeleteAnything() => Assert.IsTrue(AccessControl.CanDelete(new User("root", Roles.Admin), Draft with { Published = true }));

    [TestMethod]
    public void SuspendedAdminCanDoNothing()
    {
        var admin = new User("root", Roles.Admin, Suspended: true);
        Assert.IsFalse(AccessControl.CanEdit(admin, Draft));
        Assert.IsFalse(AccessControl.CanDelete(admin, Draft));
    }

    [TestMethod]
    public void EditorCannotEditPublished() => Assert.IsFalse(AccessControl.CanEdit(new User("bob", Roles.Editor), Draft with { Published = true }));
}
