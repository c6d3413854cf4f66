"""Reports, the moderation queue, hiding and restoring content, blocking people, appeals."""
