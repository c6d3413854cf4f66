"""Comments on proposals, debates and meetings: one mechanism for all three."""
