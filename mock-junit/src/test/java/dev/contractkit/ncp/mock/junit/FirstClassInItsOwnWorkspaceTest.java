package dev.contractkit.ncp.mock.junit;

/** One of two classes that run side by side on the one mock ({@code junit-platform.properties}). */
class FirstClassInItsOwnWorkspaceTest extends WorkspacePerClassContract {
}
