namespace Permissions;

[Flags]
public enum Roles
{
    None = 0,
    Reader = 1,
    Editor = 2,
    Admin = 4,
}

public sealed record User(string Name, Roles Roles, bool Suspended = false);

public sealed record Document(string Owner, bool Published, bool Public);

/// <summary>Decides who may read, edit and delete documents.</summary>
public static class AccessControl
{
    public static bool CanRead(User user, Document doc) =>
        doc.Public || (!user.Suspended && (user.Roles != Roles.None || doc.Owner == user.Name));

    public static bool CanEdit(User user, Document doc) =>
        !user.Suspended && (user.Roles.HasFlag(Roles.Admin) || (user.Roles.HasFlag(Roles.Editor) && !doc.Published) && doc.Owner == user.Name);

    public static bool CanDelete(User user, Document doc) =>
        !user.Suspended && (user.Roles.HasFlag(Roles.Admin) || (doc.Owner == user.Name && !doc.Published));
}
