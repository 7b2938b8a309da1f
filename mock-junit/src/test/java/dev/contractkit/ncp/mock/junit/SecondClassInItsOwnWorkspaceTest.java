package dev.contractkit.ncp.mock.junit;

/** The other of two classes that run side by side on the one mock. */
class SecondClassInItsOwnWorkspaceTest extends WorkspacePerClassContract {
}
