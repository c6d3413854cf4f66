"""Debates of a process: a question, arguments for and against, a closing conclusion."""
