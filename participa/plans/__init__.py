"""Community plans (plans comunitaris): the frame a neighbourhood's processes belong to."""
