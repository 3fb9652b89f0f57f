namespace Dgm.Sandbox;

/// <summary>
/// One host file or folder to copy into a sandbox (a folder's contents land in <see cref="SandboxPath"/>). With
/// <see cref="Stamped"/>, what it copies takes the time of the copy as its modification time, as `cp` without
/// `-p` would: a cached build output is then newer than the sources it was built from, so the build sees it up
/// to date.
/// </summary>
public sealed record CopyIn(string HostPath, string SandboxPath, bool Stamped = false);
